package dev.warren.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.e2e.AmqpProbe.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An administrator changes users and permissions while the broker runs; every change must become
 * visible once the caches expire (warren's own cache, and the broker's auth_cache plugin with
 * cache_ttl = {@value BrokerNode#CACHE_TTL_MS} ms where enabled). The same steps run on the oracle
 * (rabbitmqctl) and on warren (its admin CLI); both must end every step in the same outcome.
 *
 * <p>Only users created here are changed, so the other tests are not affected. When warren's admin
 * CLI is not available (`warren add_user --help` fails) the warren half is skipped, not failed.
 */
@Order(3)
@ExtendWith(E2eExtension.class)
class AdminChangesTest {

    /** One step: apply a change, then wait until this probe gives this outcome. */
    record Step(String what, java.util.function.Consumer<AdminActions> change, String vhost, Action probe,
            Outcome expected) {}

    record StepResult(String what, Outcome outcome, String detail, long millis) {}

    private static List<Step> steps(String user, String password) {
        Action.DeclareQueue declare = new Action.DeclareQueue("nb.q");
        return List.of(
                new Step("before: unknown user", a -> {}, "orders", new Action.Connect(), Outcome.ACCESS_REFUSED),
                new Step("add_user, no permissions yet", a -> a.addUser(user, password), "orders", new Action.Connect(),
                        Outcome.NOT_ALLOWED),
                new Step("set_permissions on orders", a -> a.setPermissions("orders", user, "^nb\\.", "^nb\\.", "^nb\\."),
                        "orders", declare, Outcome.OK),
                new Step("set_permissions: configure revoked", a -> a.setPermissions("orders", user, "", "^nb\\.", "^nb\\."),
                        "orders", declare, Outcome.CHANNEL_403),
                new Step("clear_permissions on orders", a -> a.clearPermissions("orders", user), "orders",
                        new Action.Connect(), Outcome.NOT_ALLOWED));
    }

    /**
     * Applies every step and polls until its expected outcome shows (or the timeout passes),
     * returning what was finally observed and how long it took.
     */
    private static List<StepResult> play(BrokerNode node, AdminActions admin, String user, String password,
            Duration timeout) {
        List<StepResult> out = new ArrayList<>();
        for (Step step : steps(user, password)) {
            step.change().accept(admin);
            long t0 = System.nanoTime();
            long deadline = t0 + timeout.toNanos();
            Result r;
            while (true) {
                r = AmqpProbe.run(node.amqpPort, user, password, step.vhost(), step.probe());
                if (r.outcome() == step.expected() || System.nanoTime() > deadline) {
                    break;
                }
                sleep(250);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("[e2e] %s / %s: %s -> %s after %d ms%n", node.profile.name(), user, step.what(), r, ms);
            out.add(new StepResult(step.what(), r.outcome(), r.detail(), ms));
        }
        return out;
    }

    private static void check(E2e e2e, BrokerNode.Profile oracleProfile, BrokerNode.Profile warrenProfile) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + suffix;
        BrokerNode oracleNode = e2e.node(oracleProfile);
        List<Step> steps = steps("x", "x");

        String[] why = new String[1];
        AdminActions warrenAdmin = e2e.warrenAdmin(warrenProfile, why);
        CompletableFuture<List<StepResult>> oracle = CompletableFuture.supplyAsync(() -> play(oracleNode,
                AdminActions.rabbitmqctl(oracleNode), "newbie-" + oracleProfile.name() + "-" + suffix, password,
                e2e.changeTimeout));
        CompletableFuture<List<StepResult>> warren = warrenAdmin == null ? null : CompletableFuture.supplyAsync(() -> {
            BrokerNode node = e2e.node(warrenProfile);
            return play(node, warrenAdmin, "newbie-" + warrenProfile.name() + "-" + suffix, password, e2e.changeTimeout);
        });

        List<StepResult> o = oracle.join();
        for (int i = 0; i < steps.size(); i++) {
            assertThat(o.get(i).outcome()).as("oracle %s, step '%s' (%s)", oracleProfile.describe(),
                    steps.get(i).what(), o.get(i).detail()).isEqualTo(steps.get(i).expected());
        }
        Assumptions.assumeTrue(warren != null, "warren half skipped: " + why[0]);
        List<StepResult> w = warren.join();
        for (int i = 0; i < steps.size(); i++) {
            assertThat(w.get(i).outcome()).as("warren on %s, step '%s' (%s; internal backend gave %s), not visible after %s",
                    warrenProfile.describe(), steps.get(i).what(), w.get(i).detail(), o.get(i).outcome(),
                    e2e.changeTimeout).isEqualTo(o.get(i).outcome());
        }
    }

    @Test
    @DisplayName("admin changes visible after the caches expire, without the broker's cache plugin")
    void withoutCachePlugin(E2e e2e) {
        check(e2e, E2e.ORACLE, E2e.WARREN_POST);
    }

    @Test
    @DisplayName("admin changes visible after the caches expire, with the broker's cache plugin")
    void withCachePlugin(E2e e2e) {
        check(e2e, E2e.ORACLE_CACHE, E2e.WARREN_POST_CACHE);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
