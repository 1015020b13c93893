package dev.warren.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warren.policy.CacheOutcome;
import dev.warren.policy.Cause;
import dev.warren.policy.Decision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision log line: one JSON object, fields in a fixed order, every value escaped. */
class JsonLineDecisionLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLineIsOneJsonObjectWithItsFieldsInOrderAndAwkwardValuesEscaped() throws Exception {
        String awkward = "q\"uote\\back\nline\ttab\u0001ctl é ü \u2028";
        DecisionRecord r = new DecisionRecord("topic", "POST", awkward, "/", "topic", "amq.topic", "write",
                "a.b", Decision.deny(Cause.REGEX_NO_MATCH, "no match for '" + awkward + "'"), 42, CacheOutcome.HIT);
        String line = JsonLineDecisionLog.line(r);
        assertThat(line).doesNotContain("\n").doesNotContain("\u0001");
        JsonNode node = JSON.readTree(line);
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("timestamp", "level", "message", "path", "method", "username", "vhost",
                "resource", "name", "permission", "routing_key", "decision", "cause", "reason", "latency_us", "cache");
        assertThat(node.get("username").asText()).isEqualTo(awkward);
        assertThat(node.get("reason").asText()).isEqualTo("no match for '" + awkward + "'");
        assertThat(node.get("decision").asText()).isEqualTo("deny");
        assertThat(node.get("cause").asText()).isEqualTo(Cause.REGEX_NO_MATCH.label());
        assertThat(node.get("latency_us").isIntegralNumber()).isTrue();
        assertThat(node.get("latency_us").asLong()).isEqualTo(42);
        assertThat(node.get("cache").asText()).isEqualTo("hit");
    }

    @Test
    void fieldsTheRequestDidNotCarryAreLeftOut() throws Exception {
        DecisionRecord r = new DecisionRecord("user", "GET", "app", null, null, null, null, null,
                Decision.deny(Cause.UNKNOWN_USER, "unknown"), 7, CacheOutcome.NONE);
        JsonNode node = JSON.readTree(JsonLineDecisionLog.line(r));
        assertThat(node.has("vhost")).isFalse();
        assertThat(node.has("routing_key")).isFalse();
        assertThat(node.has("cache")).isFalse();
        assertThat(node.get("username").asText()).isEqualTo("app");
    }
}
