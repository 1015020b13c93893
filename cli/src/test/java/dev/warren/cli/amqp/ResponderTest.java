package dev.warren.cli.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Envelope;
import dev.warren.protocol.DecisionRecord;
import dev.warren.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The consumer against a recording channel: what is published where, what is acknowledged, what is dropped. */
class ResponderTest {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final CountDownLatch acked = new CountDownLatch(1);
    private final List<DecisionRecord> logged = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream events = new ByteArrayOutputStream();

    private Channel channel() {
        return (Channel) Proxy.newProxyInstance(Channel.class.getClassLoader(), new Class<?>[] {Channel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "basicPublish" -> {
                        AMQP.BasicProperties p = (AMQP.BasicProperties) args[2];
                        calls.add("publish exchange='" + args[0] + "' to=" + args[1] + " correlation_id=" + p.getCorrelationId()
                                + " body='" + new String((byte[]) args[3], StandardCharsets.UTF_8) + "'");
                        yield null;
                    }
                    case "basicAck" -> {
                        calls.add("ack " + args[0]);
                        acked.countDown();
                        yield null;
                    }
                    case "isOpen" -> true;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "recording channel";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private void deliver(boolean redelivered, String replyTo, Map<String, String> headers) throws Exception {
        ResponderSettings settings = new ResponderSettings("authentication", "q", 4, 2, Duration.ofSeconds(30),
                Duration.ofSeconds(2));
        ResponderEvents log = new ResponderEvents(new PrintStream(events, true, StandardCharsets.UTF_8));
        try (QuestionDispatcher dispatcher = new QuestionDispatcher(new QuestionHandler(Fixtures.service()), settings, log)) {
            Responder responder = new Responder(channel(), dispatcher, logged::add, log);
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().replyTo(replyTo).correlationId("7")
                    .headers(PluginHeaders.longStrings(headers)).build();
            responder.handleDelivery("ctag", new Envelope(42, redelivered, "authentication", ""), props, new byte[0]);
            assertThat(acked.await(10, TimeUnit.SECONDS)).as("acknowledged").isTrue();
        }
    }

    @Test
    void answersToReplyToWithTheCorrelationIdThenAcknowledges() throws Exception {
        deliver(false, "amq.gen-reply", Map.of("action", "login", "username", "admin", "password", "test12"));
        assertThat(calls).containsExactly(
                "publish exchange='' to=amq.gen-reply correlation_id=7 body='administrator,monitoring'", "ack 42");
        assertThat(logged).singleElement().satisfies(r -> assertThat(r.method()).isEqualTo("AMQP"));
    }

    @Test
    void aQuestionWithoutReplyToIsAcknowledgedDroppedAndLogged() throws Exception {
        deliver(false, null, Map.of("action", "login", "username", "admin", "password", "test12"));
        assertThat(calls).containsExactly("ack 42");
        assertThat(logged).isEmpty();
        assertThat(events.toString(StandardCharsets.UTF_8)).contains("\"message\":\"question dropped\"", "no reply_to",
                "\"username\":\"admin\"").doesNotContain("test12");
    }

    @Test
    void aRedeliveredQuestionIsNotAnsweredASecondTime() throws Exception {
        deliver(true, "amq.gen-reply", Map.of("action", "check_vhost", "username", "app", "vhost", "/"));
        assertThat(calls).containsExactly("ack 42");
        assertThat(events.toString(StandardCharsets.UTF_8)).contains("redelivered");
    }
}
