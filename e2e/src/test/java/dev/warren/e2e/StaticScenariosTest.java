package dev.warren.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.e2e.AmqpProbe.Result;
import dev.warren.e2e.Scenarios.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scenario table against every broker configuration: the internal backend (the oracle, with
 * and without the cache plugin) must give the written outcome, and warren (GET, POST, POST behind
 * the cache plugin) must give the oracle's outcome.
 */
@Order(2)
@ExtendWith(E2eExtension.class)
class StaticScenariosTest {

    @Test
    @DisplayName("the scenario table is well formed")
    void table() {
        List<Scenario> all = Scenarios.all();
        assertThat(all).extracting(Scenario::id).doesNotHaveDuplicates();
        assertThat(all).extracting(Scenario::expected).contains(Outcome.OK, Outcome.ACCESS_REFUSED,
                Outcome.NOT_ALLOWED, Outcome.CHANNEL_403);
    }

    @TestFactory
    @DisplayName("warren == internal backend == expected, per scenario")
    Stream<DynamicTest> scenarios(E2e e2e) {
        List<Scenario> all = Scenarios.all();
        // Run the whole table on every node, nodes in parallel, scenarios in order.
        Map<String, CompletableFuture<List<Result>>> runs = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (BrokerNode.Profile p : E2e.PROFILES) {
            runs.put(p.name(), CompletableFuture.supplyAsync(() -> {
                BrokerNode node = e2e.node(p);
                List<Result> out = new ArrayList<>();
                for (Scenario s : all) {
                    out.add(AmqpProbe.run(node.amqpPort, s.user(), s.password(), s.vhost(), s.action()));
                }
                return out;
            }));
        }
        CompletableFuture.allOf(runs.values().toArray(CompletableFuture[]::new)).exceptionally(t -> null).join();
        System.out.printf("[e2e] %d scenarios x %d broker configurations in %.1f s%n", all.size(), runs.size(),
                (System.nanoTime() - t0) / 1e9);

        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Scenario s = all.get(i);
            int idx = i;
            tests.add(DynamicTest.dynamicTest(s.describe(), () -> {
                Map<String, String> seen = new LinkedHashMap<>();
                SoftAssertions soft = new SoftAssertions();
                Result oracle = result(runs, E2e.ORACLE, idx, seen);
                for (BrokerNode.Profile p : E2e.PROFILES) {
                    Result r = p.equals(E2e.ORACLE) ? oracle : result(runs, p, idx, seen);
                    if (r == null) {
                        soft.fail(p.describe() + " could not run: " + seen.get(p.name()));
                        continue;
                    }
                    if (p.backend() == BrokerNode.Backend.INTERNAL) {
                        soft.assertThat(r.outcome()).as("%s on %s (the written expectation is wrong, or the broker changed)",
                                s.id(), p.describe()).isEqualTo(s.expected());
                    } else {
                        if (oracle != null) {
                            soft.assertThat(r.outcome()).as("%s: warren on %s vs internal backend (%s)", s.id(),
                                    e2e.describe(p), oracle).isEqualTo(oracle.outcome());
                        }
                        soft.assertThat(r.outcome()).as("%s: warren on %s vs expected", s.id(), e2e.describe(p))
                                .isEqualTo(s.expected());
                    }
                }
                System.out.println("[e2e] " + s.describe() + " :: " + seen);
                soft.assertAll();
            }));
        }
        return tests.stream();
    }

    private static Result result(Map<String, CompletableFuture<List<Result>>> runs, BrokerNode.Profile p, int idx,
            Map<String, String> seen) {
        try {
            Result r = runs.get(p.name()).join().get(idx);
            seen.put(p.name(), r.toString());
            return r;
        } catch (Exception e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            seen.put(p.name(), "unavailable: " + c.getMessage());
            return null;
        }
    }
}
