package dev.warren.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Questions published straight to the plugin's exchange, as the plugin's own user, the way the
 * plugin publishes them (headers only, reply_to, correlation_id), including ones the plugin never
 * sends: `warren amqp` answers each in the plugin's words, refuses the malformed ones, and drops
 * (and logs) one without reply_to.
 */
@Order(4)
@ExtendWith(E2eExtension.class)
class AmqpQuestionsTest {

    private static Map<String, Object> h(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    @DisplayName("warren amqp answers the plugin's questions in its words and refuses malformed ones")
    void questions(E2e e2e) throws Exception {
        BrokerNode node = e2e.node(E2e.WARREN_AMQP);
        Map<String, Map<String, Object>> questions = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        ask(questions, expected, "login-no-tags", "", h("action", "login", "username", "app", "password", "app-secret"));
        ask(questions, expected, "login-one-tag", "administrator",
                h("action", "login", "username", "admin", "password", "admin-secret"));
        ask(questions, expected, "login-two-tags", "monitoring,policymaker",
                h("action", "login", "username", "monitor", "password", "monitor-secret"));
        ask(questions, expected, "login-wrong", "refused", h("action", "login", "username", "app", "password", "wrong"));
        ask(questions, expected, "login-unknown", "refused", h("action", "login", "username", "ghost", "password", "x"));
        ask(questions, expected, "no-action", "refused", h("username", "app", "password", "app-secret"));
        ask(questions, expected, "unknown-action", "refused", h("action", "drop_tables", "username", "app"));
        ask(questions, expected, "not-longstr", "deny", h("action", "check_vhost", "username", "app", "vhost", 7, "ip", "::1"));
        ask(questions, expected, "missing-name", "deny", h("action", "check_resource", "username", "app", "vhost", "/",
                "resource", "queue", "permission", "read"));
        ask(questions, expected, "vhost", "allow", h("action", "check_vhost", "username", "app", "vhost", "/", "ip", "::1"));
        ask(questions, expected, "topic-own-key", "allow", topic("sensors.sensor-1.t"));
        ask(questions, expected, "topic-other-key", "deny", topic("sensors.sensor-2.t"));

        Map<String, String> answers = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(questions.size());
        try (Connection c = AmqpProbe.connectionFactory(node.amqpPort, AmqpPlugin.PLUGIN_USER, node.pluginPassword, "/")
                .newConnection("warren-e2e-questions"); Channel ch = c.createChannel()) {
            String replyQueue = ch.queueDeclare().getQueue();
            ch.basicConsume(replyQueue, true, (tag, delivery) -> {
                answers.put(delivery.getProperties().getCorrelationId(), new String(delivery.getBody(), StandardCharsets.UTF_8));
                all.countDown();
            }, tag -> { });
            for (Map.Entry<String, Map<String, Object>> q : questions.entrySet()) {
                AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().headers(q.getValue())
                        .replyTo(replyQueue).correlationId(q.getKey()).build();
                ch.basicPublish(AmqpPlugin.EXCHANGE, "", true, props, new byte[0]);
            }
            AMQP.BasicProperties noReplyTo = new AMQP.BasicProperties.Builder().correlationId("no-reply-to")
                    .headers(h("action", "check_vhost", "username", "no-reply-to-user", "vhost", "/")).build();
            ch.basicPublish(AmqpPlugin.EXCHANGE, "", true, noReplyTo, new byte[0]);
            assertThat(all.await(30, TimeUnit.SECONDS)).as("answers so far: %s", answers).isTrue();
        }
        assertThat(answers).containsExactlyInAnyOrderEntriesOf(expected);
        WarrenServer responder = e2e.amqpResponder();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.readString(responder.logFile()).contains("no-reply-to-user") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(responder.logFile())).contains("\"message\":\"question dropped\",\"reason\":\"no reply_to\"")
                .contains("no-reply-to-user").doesNotContain("app-secret", "admin-secret", "monitor-secret");
    }

    private static Map<String, Object> topic(String routingKey) {
        return h("action", "check_topic", "username", "sensor-1", "vhost", "iot", "resource", "topic",
                "name", "amq.topic", "permission", "write", "routing_key", routingKey,
                "variable_map.username", "sensor-1", "variable_map.vhost", "iot");
    }

    private static void ask(Map<String, Map<String, Object>> questions, Map<String, String> expected, String id,
            String answer, Map<String, Object> headers) {
        questions.put(id, headers);
        expected.put(id, answer);
    }
}
