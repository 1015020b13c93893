package dev.warren.cli;

import dev.warren.cli.http.AuthServer;
import dev.warren.cli.http.HttpLimits;
import dev.warren.config.WarrenConfig;
import dev.warren.definitions.DefinitionsException;
import dev.warren.functions.caller.CallerAuthentication;
import dev.warren.protocol.AnswerBody;
import dev.warren.protocol.HttpEdge;
import dev.warren.protocol.JsonLineDecisionLog;
import dev.warren.service.AuthService;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code warren serve}: the four auth paths on a local HTTP server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Answer /auth/user, /auth/vhost, /auth/resource and /auth/topic over HTTP.")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    StoreOptions stores;

    @Mixin
    CallerOptions callerOptions;

    @Option(names = "--port", defaultValue = "8080", description = "Port (0 picks a free one; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--max-connections", defaultValue = "256",
            description = "Connections served at once; more wait until one closes (default ${DEFAULT-VALUE}).")
    int maxConnections;

    @Override
    public Integer call() throws Exception {
        if (maxConnections < 1) {
            System.err.println("warren serve: --max-connections must be at least 1");
            return 2;
        }
        CallerAuthentication callers;
        AuthService service;
        WarrenConfig config;
        try {
            callers = callerOptions.callers(System.getenv());
            config = stores.config();
            service = stores.authService(config);
        } catch (DefinitionsException | RuntimeException e) {
            // a bad definitions file, a bad setting (ConfigException), no AWS region: stop with the reason
            System.err.println("warren serve: " + ErrorLine.of(e));
            return 2;
        }
        HttpEdge edge = new HttpEdge(service, new JsonLineDecisionLog(System.out), AnswerBody.of(config.denyReasons()));
        AuthServer server = AuthServer.start(new InetSocketAddress(bind, port), edge,
                HttpLimits.DEFAULTS.withMaxConnections(maxConnections), callers);
        System.out.println("caller authentication: " + callers.mode());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "warren-shutdown"));
        System.out.println("listening on " + server.url());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
