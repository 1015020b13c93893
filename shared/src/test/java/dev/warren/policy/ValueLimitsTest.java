package dev.warren.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.AuthRequest.VhostRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueLimitsTest {

    private static Optional<Cause> cause(AuthRequest r) {
        return ValueLimits.check(r).map(Decision::cause);
    }

    @Test
    void shortStringsMayBe255BytesAndNoMore() {
        String at = "q".repeat(255);
        String over = "q".repeat(256);
        assertThat(cause(new VhostRequest("u", at))).isEmpty();
        assertThat(cause(new VhostRequest("u", over))).contains(Cause.VALUE_TOO_LONG);
        assertThat(cause(new ResourceRequest("u", "/", ResourceKind.QUEUE, at, Permission.READ))).isEmpty();
        assertThat(cause(new ResourceRequest("u", "/", ResourceKind.QUEUE, over, Permission.READ)))
                .contains(Cause.VALUE_TOO_LONG);
        assertThat(cause(new TopicRequest("u", "/", over, Permission.READ, "k", Map.of())))
                .contains(Cause.VALUE_TOO_LONG);
    }

    @Test
    void limitsCountUtf8BytesNotCharacters() {
        String twoBytesEach = "é".repeat(128);
        assertThat(cause(new VhostRequest("u", "é".repeat(127)))).isEmpty();
        assertThat(cause(new VhostRequest("u", twoBytesEach))).contains(Cause.VALUE_TOO_LONG);
    }

    @Test
    void usernamePasswordRoutingKeyAndVariablesHaveTheirOwnBounds() {
        assertThat(cause(new UserRequest("u".repeat(ValueLimits.USERNAME), Optional.of("p")))).isEmpty();
        assertThat(cause(new UserRequest("u".repeat(ValueLimits.USERNAME + 1), Optional.of("p"))))
                .contains(Cause.VALUE_TOO_LONG);
        assertThat(cause(new UserRequest("u", Optional.of("p".repeat(ValueLimits.MQTT_STRING + 1)))))
                .contains(Cause.VALUE_TOO_LONG);
        String longTopic = "t".repeat(ValueLimits.MQTT_STRING);
        assertThat(cause(new TopicRequest("u", "/", "amq.topic", Permission.WRITE, longTopic,
                Map.of("client_id", longTopic)))).as("MQTT topics and client ids may exceed 255 bytes").isEmpty();
        assertThat(cause(new TopicRequest("u", "/", "amq.topic", Permission.WRITE, longTopic + "t", Map.of())))
                .contains(Cause.VALUE_TOO_LONG);
        assertThat(cause(new TopicRequest("u", "/", "amq.topic", Permission.WRITE, "k",
                Map.of("vhost", "v".repeat(256))))).contains(Cause.VALUE_TOO_LONG);
        assertThat(cause(new TopicRequest("u", "/", "amq.topic", Permission.WRITE, "k",
                Map.of("username", "u".repeat(ValueLimits.USERNAME + 1))))).contains(Cause.VALUE_TOO_LONG);
    }

    @Test
    void reasonNamesTheFieldAndSizeButNotTheValue() {
        Decision d = ValueLimits.check(new VhostRequest("u", "secretish".repeat(100))).orElseThrow();
        assertThat(d.reason()).isEqualTo("vhost is 900 bytes, more than the 255 allowed").doesNotContain("secretish");
        assertThat(d.allowed()).isFalse();
    }
}
