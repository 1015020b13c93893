package dev.warren.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.policy.Cause;
import dev.warren.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A decision log line stays small whatever the request carried (issue #10 item 5). */
class DecisionLogBoundsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final HttpEdge edge = new HttpEdge(Fixtures.service(),
            new JsonLineDecisionLog(new PrintStream(out, true, StandardCharsets.UTF_8)));

    private String post(String path, String body) {
        edge.handle(new EdgeRequest("POST", path, null, "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8)));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aHugeRoutingKeyWithinItsLimitIsLoggedCutWithItsLength() {
        String key = "app./.".concat("k".repeat(60_000));
        String line = post("/auth/topic", "username=app&vhost=%2F&resource=topic&name=amq.topic&permission=read"
                + "&routing_key=" + key + "&variable_map.username=app&variable_map.vhost=%2F");
        assertThat(line).contains("\"cause\":\"" + Cause.REGEX_NO_MATCH.label() + "\"")
                .contains("[60006 bytes in all]");
        assertThat(line.length()).isLessThan(2_000);
    }

    @Test
    void valuesOverTheirLimitAreRefusedAndLoggedCut() {
        String line = post("/auth/vhost", "username=" + "u".repeat(120_000) + "&vhost=%2F");
        assertThat(line).contains("\"cause\":\"" + Cause.VALUE_TOO_LONG.label() + "\"")
                .contains("[120000 bytes in all]");
        assertThat(line.length()).isLessThan(1_000);
    }

    @Test
    void malformedRequestsQuoteTheirValuesCut() {
        String line = post("/auth/resource", "username=app&vhost=%2F&resource=" + "r".repeat(100_000)
                + "&name=q&permission=read");
        assertThat(line).contains("\"cause\":\"" + Cause.MALFORMED_REQUEST.label() + "\"")
                .contains("[100000 bytes in all]");
        assertThat(line.length()).isLessThan(1_000);
    }
}
