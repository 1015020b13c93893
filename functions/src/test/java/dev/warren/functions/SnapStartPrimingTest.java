package dev.warren.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.config.WarrenConfig;
import dev.warren.functions.caller.CallerAuthentication;
import dev.warren.functions.caller.CallerSettings;
import dev.warren.policy.AuthPath;
import dev.warren.policy.CacheOutcome;
import dev.warren.policy.Cause;
import dev.warren.protocol.DecisionRecord;
import dev.warren.protocol.HttpEdge;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The priming runs each path end to end offline, and a restore makes new per-instance secrets. */
class SnapStartPrimingTest {

    private final List<DecisionRecord> records = new ArrayList<>();
    private final AtomicInteger reseeds = new AtomicInteger();

    @ParameterizedTest
    @EnumSource(AuthPath.class)
    void primesItsPathOverTheAwsStoresWithoutNetwork(AuthPath path) throws Exception {
        SnapStartPriming priming = new SnapStartPriming(path, CallerAuthentication.publicAccess(),
                reseeds::incrementAndGet, user -> PrimingStores.aws(user, WarrenConfig.defaults().withTable("priming-test")),
                s -> new HttpEdge(s, records::add));

        assertThat(priming.prime()).as("answers that differ from the expected ones").isEmpty();

        assertThat(records).extracting(r -> r.decision().cause().kind())
                .containsExactly(Cause.Kind.ALLOW, Cause.Kind.DENY);
        assertThat(records).extracting(DecisionRecord::cache).containsOnly(CacheOutcome.MISS, CacheOutcome.HIT);
        assertThat(records).extracting(DecisionRecord::username).containsOnly(PrimingUser.USERNAME);
        assertThat(reseeds).as("priming itself reseeds nothing").hasValue(0);
    }

    @Test
    void theUserPathPrimesTheSharedThrottleWithoutAFailure() throws Exception {
        WarrenConfig shared = WarrenConfig.fromEnvironment(Map.of("WARREN_TABLE", "priming-test",
                "WARREN_THROTTLE_FAILURES", "1", "WARREN_THROTTLE_SCOPE", "shared"));
        List<java.util.logging.LogRecord> logged = new ArrayList<>();
        java.util.logging.Logger throttleLog = java.util.logging.Logger.getLogger("warren.throttle");
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        throttleLog.addHandler(handler);
        try {
            SnapStartPriming priming = new SnapStartPriming(AuthPath.USER, CallerAuthentication.publicAccess(),
                    reseeds::incrementAndGet, user -> PrimingStores.aws(user, shared), s -> new HttpEdge(s, records::add));
            assertThat(priming.prime()).as("a refused priming login (limit 1) does not throttle the next").isEmpty();
            assertThat(priming.prime()).isEmpty();
        } finally {
            throttleLog.removeHandler(handler);
        }
        assertThat(logged).extracting(java.util.logging.LogRecord::getMessage).as("no failed counter call").isEmpty();
        assertThat(records).extracting(r -> r.decision().cause().kind())
                .containsExactly(Cause.Kind.ALLOW, Cause.Kind.DENY, Cause.Kind.ALLOW, Cause.Kind.DENY);
    }

    @ParameterizedTest
    @EnumSource(AuthPath.class)
    void primesItsPathOverMemoryForLocalDefinitions(AuthPath path) throws Exception {
        FunctionEnvironment.Parts parts = FunctionEnvironment.of(Map.of(FunctionEnvironment.LOCAL_DEFINITIONS,
                EventCases.sampleDefinitions().toString(), CallerSettings.MODE, "mtls",
                CallerSettings.SUBJECTS, "CN=broker,O=Example")).function(path);

        assertThat(parts.priming().prime()).isEmpty();
    }

    @Test
    void metricsOfPrimingDecisionsAreNotEmitted() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SnapStartPriming priming = new SnapStartPriming(AuthPath.VHOST, CallerAuthentication.publicAccess(),
                    reseeds::incrementAndGet,
                    PrimingStores::inMemory, s -> new HttpEdge(s, record -> System.out.println("EMF " + record.path())));
            assertThat(priming.prime()).isEmpty();
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("EMF");
        assertThat(System.out).isSameAs(original);
    }

    @Test
    void afterRestoreReseedsTheInstanceSecrets() throws Exception {
        SnapStartPriming priming = new SnapStartPriming(AuthPath.USER, CallerAuthentication.publicAccess(),
                reseeds::incrementAndGet,
                PrimingStores::inMemory, s -> new HttpEdge(s, records::add));

        priming.beforeCheckpoint(null);
        assertThat(reseeds).hasValue(0);
        priming.afterRestore(null);
        assertThat(reseeds).hasValue(1);
        priming.afterRestore(null);
        assertThat(reseeds).as("every restore").hasValue(2);
    }
}
