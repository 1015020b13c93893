package dev.warren.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.warren.e2e.Action.Connect;
import dev.warren.e2e.Action.DeclareQueue;
import dev.warren.e2e.Scenarios.Scenario;
import java.nio.file.Files;
import java.time.Duration;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * `warren amqp` stops and starts again while the node keeps running: while it is gone, a login and
 * a check on a connection opened before fail closed (the plugin's mandatory publish comes back, no
 * queue is bound); once it is back, the whole scenario table gives the written outcomes again. Then
 * the broker itself restarts: warren reconnects with back-off, declares its queue again, and checks pass.
 */
@Order(5)
@ExtendWith(E2eExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AmqpResponderRestartTest {

    private static final String CONNECTED = "\"message\":\"connected\"";

    @Test
    @Order(1)
    @DisplayName("warren amqp restarted mid-run: checks in the gap fail closed, later ones pass")
    void restart(E2e e2e) throws Exception {
        BrokerNode node = e2e.node(E2e.WARREN_AMQP);
        WarrenServer responder = e2e.amqpResponder();
        int port = node.amqpPort;
        assertThat(AmqpProbe.run(port, "app", "app-secret", "/", new DeclareQueue("app.before")).outcome())
                .isEqualTo(Outcome.OK);
        try (Connection before = AmqpProbe.connectionFactory(port, "app", "app-secret", "/").newConnection("gap")) {
            responder.stop();
            assertThat(AmqpProbe.run(port, "app", "app-secret", "/", new Connect()).outcome())
                    .as("login while no responder runs").isEqualTo(Outcome.ACCESS_REFUSED);
            Channel ch = before.createChannel();
            AmqpProbe.Result inGap;
            try {
                new DeclareQueue("app.gap").run(ch);
                inGap = new AmqpProbe.Result(Outcome.OK, "");
            } catch (Exception e) {
                inGap = AmqpProbe.classifyAction(e);
            }
            assertThat(inGap.outcome()).as("configure check on a connection opened before the gap")
                    .isEqualTo(Outcome.CHANNEL_403);
            responder.start(Duration.ofMinutes(2));
            Channel after = before.createChannel();
            new DeclareQueue("app.after").run(after);
            assertThat(after.isOpen()).as("the connection opened before the gap checks again").isTrue();
        }
        SoftAssertions soft = new SoftAssertions();
        for (Scenario s : Scenarios.all()) {
            soft.assertThat(AmqpProbe.run(port, s.user(), s.password(), s.vhost(), s.action()).outcome())
                    .as("%s after the restart", s.describe()).isEqualTo(s.expected());
        }
        soft.assertAll();
        assertThat(Files.readString(responder.logFile())).as("the responder's log").contains("\"message\":\"stopped\"")
                .doesNotContain("app-secret");
    }

    @Test
    @Order(2)
    @DisplayName("the broker restarts: warren amqp reconnects with back-off and declares again, later checks pass")
    void brokerRestart(E2e e2e) throws Exception {
        BrokerNode node = e2e.node(E2e.WARREN_AMQP);
        WarrenServer responder = e2e.amqpResponder();
        long connectedBefore = count(Files.readString(responder.logFile()), CONNECTED);
        node.stop();
        node.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (count(Files.readString(responder.logFile()), CONNECTED) == connectedBefore && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        String log = Files.readString(responder.logFile());
        assertThat(count(log, CONNECTED)).as("connected again within 120 s of the broker's restart").isGreaterThan(connectedBefore);
        assertThat(log).contains("\"message\":\"disconnected\"");
        SoftAssertions soft = new SoftAssertions();
        for (Scenario s : Scenarios.all()) {
            if (s.id().matches("(login|vhost|configure|write|read|topic)-0[1-3]|topic-1[4-7]")) {
                soft.assertThat(AmqpProbe.run(node.amqpPort, s.user(), s.password(), s.vhost(), s.action()).outcome())
                        .as("%s after the broker's restart", s.describe()).isEqualTo(s.expected());
            }
        }
        soft.assertAll();
    }

    private static long count(String text, String what) {
        long n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
