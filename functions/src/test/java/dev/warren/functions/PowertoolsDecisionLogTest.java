package dev.warren.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.protocol.DecisionRecord;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.logging.argument.StructuredArgument;

class PowertoolsDecisionLogTest {

    @Test
    void logsTheDecisionFieldsUnderTheirNames() {
        DecisionRecord r = new DecisionRecord("topic", "POST", "sensor-1", "iot", "topic", "amq.topic", "write",
                "sensors.sensor-1.t", "allow", "write regex matches", 1234);
        assertThat(PowertoolsDecisionLog.fields(r).stream().map(StructuredArgument::toString).toList())
                .containsExactly("path=topic", "method=POST", "username=sensor-1", "vhost=iot", "resource=topic",
                        "name=amq.topic", "permission=write", "routing_key=sensors.sensor-1.t", "decision=allow",
                        "reason=write regex matches", "latency_us=1234");
    }

    @Test
    void leavesOutFieldsThePathDoesNotCarry() {
        DecisionRecord r = new DecisionRecord("user", "GET", "app", null, null, null, null, null, "deny",
                "user 'app' - invalid credentials: wrong password", 10);
        assertThat(PowertoolsDecisionLog.fields(r)).hasSize(6);
    }

    @Test
    void logsWhereThePolicyCameFrom() {
        DecisionRecord r = new DecisionRecord("vhost", "POST", "app", "/", null, null, null, null, "allow", "ok", 10,
                "hit");
        assertThat(PowertoolsDecisionLog.fields(r).stream().map(StructuredArgument::toString).toList())
                .endsWith("latency_us=10", "cache=hit");
    }

    @Test
    void countsFailuresAsStoreErrors() {
        assertThat(PowertoolsDecisionLog.isStoreError("error: DynamoDB timed out")).isTrue();
        assertThat(PowertoolsDecisionLog.isStoreError("internal error: NullPointerException")).isTrue();
        assertThat(PowertoolsDecisionLog.isStoreError("unknown user 'x'")).isFalse();
    }

    @Test
    void neverThrowsAndSkipsMetricsOutsideLambda() {
        PowertoolsDecisionLog log = new PowertoolsDecisionLog("user", null);
        log.record(new DecisionRecord("user", "GET", null, null, null, null, null, null, "deny", "x", 1));
    }
}
