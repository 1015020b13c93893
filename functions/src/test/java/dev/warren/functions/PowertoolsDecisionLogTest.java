package dev.warren.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.policy.CacheOutcome;
import dev.warren.policy.Cause;
import dev.warren.policy.Decision;
import dev.warren.protocol.DecisionRecord;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.logging.argument.StructuredArgument;

class PowertoolsDecisionLogTest {

    @Test
    void logsTheDecisionFieldsUnderTheirNames() {
        DecisionRecord r = new DecisionRecord("topic", "POST", "sensor-1", "iot", "topic", "amq.topic", "write",
                "sensors.sensor-1.t", Decision.allow(Cause.REGEX_MATCHED, "write regex matches"), 1234,
                CacheOutcome.NONE);
        assertThat(PowertoolsDecisionLog.fields(r).stream().map(StructuredArgument::toString).toList())
                .containsExactly("path=topic", "method=POST", "username=sensor-1", "vhost=iot", "resource=topic",
                        "name=amq.topic", "permission=write", "routing_key=sensors.sensor-1.t", "decision=allow",
                        "cause=regex_matched", "reason=write regex matches", "latency_us=1234");
    }

    @Test
    void leavesOutFieldsThePathDoesNotCarry() {
        DecisionRecord r = new DecisionRecord("user", "GET", "app", null, null, null, null, null,
                Decision.deny(Cause.WRONG_PASSWORD, "user 'app' - invalid credentials: wrong password"), 10,
                CacheOutcome.NONE);
        assertThat(PowertoolsDecisionLog.fields(r)).hasSize(7);
    }

    @Test
    void logsWhereThePolicyCameFrom() {
        DecisionRecord r = new DecisionRecord("vhost", "POST", "app", "/", null, null, null, null,
                Decision.allow(Cause.VHOST_PERMITTED, "ok"), 10, CacheOutcome.HIT);
        assertThat(PowertoolsDecisionLog.fields(r).stream().map(StructuredArgument::toString).toList())
                .endsWith("latency_us=10", "cache=hit");
    }

    @Test
    void neverThrowsAndSkipsMetricsOutsideLambda() {
        PowertoolsDecisionLog log = new PowertoolsDecisionLog("user", null);
        log.record(new DecisionRecord("user", "GET", null, null, null, null, null, null,
                Decision.error(Cause.STORE_ERROR, "x"), 1, CacheOutcome.NONE));
    }
}
