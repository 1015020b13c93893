package dev.warren.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.password.PasswordHash;
import dev.warren.password.PasswordHasher;
import dev.warren.service.PasswordVerifier.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VerificationPoolTest {

    private final PasswordHash hash = new PasswordHasher(1_000).hash("right");

    @Test
    void verifiesOnAPoolThread() {
        VerificationPool pool = new VerificationPool(2, 4);
        assertThat(pool.verify("right", hash)).isEqualTo(Outcome.MATCH);
        assertThat(pool.verify("wrong", hash)).isEqualTo(Outcome.NO_MATCH);
        List<String> names = new ArrayList<>();
        new VerificationPool(1, 0, (p, h) -> names.add(Thread.currentThread().getName())).verify("x", hash);
        assertThat(names).singleElement().asString().startsWith("warren-verify-");
    }

    @Test
    void whenEveryThreadIsBusyAndTheQueueFullAVerificationIsRefusedAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        VerificationPool pool = new VerificationPool(1, 1, (p, h) -> {
            running.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        List<Outcome> outcomes = new ArrayList<>();
        Thread busy = Thread.ofVirtual().start(() -> pool.verify("a", hash));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        Thread queued = Thread.ofVirtual().start(() -> {
            synchronized (outcomes) {
                outcomes.add(pool.verify("b", hash));
            }
        });
        while (queuedLength(pool) < 1) {
            Thread.onSpinWait();
        }
        assertThat(pool.verify("c", hash)).isEqualTo(Outcome.OVERLOADED);
        release.countDown();
        busy.join();
        queued.join();
        assertThat(outcomes).containsExactly(Outcome.MATCH);
        assertThat(pool.verify("d", hash)).as("capacity is back").isEqualTo(Outcome.MATCH);
    }

    private static int queuedLength(VerificationPool pool) {
        return pool.queued();
    }
}
