package dev.warren.cli.amqp;

import dev.warren.cli.ErrorLine;
import dev.warren.cli.StoreOptions;
import dev.warren.definitions.DefinitionsException;
import dev.warren.protocol.JsonLineDecisionLog;
import dev.warren.service.AuthService;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code warren amqp}: answers the questions of RabbitMQ's AMQP auth backend plugin. */
@Command(name = "amqp", mixinStandardHelpOptions = true,
        description = {"Answer rabbitmq_auth_backend_amqp's questions (login, check_vhost, check_resource, check_topic)"
                + " from a queue bound to its exchange, with the same decisions as `warren serve`.",
                "The password comes from $WARREN_AMQP_PASSWORD, else a prompt."})
public final class AmqpCommand implements Callable<Integer> {

    @Mixin
    StoreOptions stores;

    @Option(names = "--uri", required = true, paramLabel = "URI",
            description = "Broker to consume from: amqp://USER@HOST:PORT/VHOST (no password; %%2F for '/').")
    String uri;

    @Option(names = "--exchange", defaultValue = "authentication",
            description = "The plugin's auth_amqp.exchange (default ${DEFAULT-VALUE}).")
    String exchange;

    @Option(names = "--queue", defaultValue = "warren.questions",
            description = "Queue bound to the exchange, shared by every responder (default ${DEFAULT-VALUE}).")
    String queue;

    @Option(names = "--prefetch", defaultValue = "16",
            description = "Questions in progress per responder (default ${DEFAULT-VALUE}).")
    int prefetch;

    @Option(names = "--workers", defaultValue = "4", description = "Threads that decide (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--deadline", defaultValue = "2000", paramLabel = "MS",
            description = "Refuse a question not decided within MS ms of delivery (default ${DEFAULT-VALUE}).")
    long deadlineMillis;

    @Option(names = "--question-ttl", defaultValue = "2000", paramLabel = "MS",
            description = "Drop questions that waited MS ms in the queue (x-message-ttl; default ${DEFAULT-VALUE})."
                    + " Keep question-ttl + deadline below the plugin's auth_amqp.timeout.")
    long questionTtlMillis;

    @Override
    public Integer call() {
        BrokerAddress broker;
        ResponderSettings settings;
        char[] password;
        AuthService service;
        try {
            broker = BrokerAddress.parse(uri);
            settings = new ResponderSettings(exchange, queue, prefetch, workers, Duration.ofMillis(deadlineMillis),
                    Duration.ofMillis(questionTtlMillis));
            password = PasswordSource.read(System.getenv(), System.console(), broker.username());
            service = stores.authService();
        } catch (DefinitionsException | RuntimeException e) {
            System.err.println("warren amqp: " + ErrorLine.of(e));
            return 2;
        }
        ResponderEvents events = new ResponderEvents(System.out);
        QuestionDispatcher dispatcher = new QuestionDispatcher(new QuestionHandler(service), settings, events);
        ResponderLoop loop = new ResponderLoop(broker, broker.connectionFactory(password), settings, dispatcher,
                new JsonLineDecisionLog(System.out), events);
        java.util.Arrays.fill(password, '\0');
        Duration grace = settings.deadline().plusSeconds(3);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> loop.stop(grace), "warren-amqp-shutdown"));
        return loop.run();
    }
}
