package dev.warren.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.password.HashingAlgorithm;
import dev.warren.password.PasswordHash;
import dev.warren.password.PasswordHasher;
import dev.warren.policy.Cause;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefusalCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final RefusalCache cache = new RefusalCache(Duration.ofSeconds(30), 2, now::get);
    private final Optional<PasswordHash> hash = Optional.of(
            PasswordHasher.rabbitHash(HashingAlgorithm.SHA256, new byte[] {1, 2, 3, 4}, "pw"));

    @Test
    void remembersTheCauseForTheTtlPerExactPair() {
        cache.remember("u", "bad", hash, Cause.WRONG_PASSWORD);
        assertThat(cache.refusedRecently("u", "bad", hash)).contains(Cause.WRONG_PASSWORD);
        assertThat(cache.refusedRecently("u", "bad2", hash)).isEmpty();
        assertThat(cache.refusedRecently("v", "bad", hash)).isEmpty();
        assertThat(cache.refusedRecently("u", "bad", Optional.empty())).as("keyed by the stored hash too").isEmpty();
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(cache.refusedRecently("u", "bad", hash)).isEmpty();
    }

    @Test
    void boundedLeastRecentlyUsedFirstAndForgottenOnRegenerate() {
        cache.remember("a", "x", Optional.empty(), Cause.UNKNOWN_USER);
        cache.remember("b", "x", Optional.empty(), Cause.UNKNOWN_USER);
        cache.refusedRecently("a", "x", Optional.empty());
        cache.remember("c", "x", Optional.empty(), Cause.UNKNOWN_USER);
        assertThat(cache.refusedRecently("b", "x", Optional.empty())).isEmpty();
        assertThat(cache.refusedRecently("a", "x", Optional.empty())).contains(Cause.UNKNOWN_USER);
        cache.reseed();
        assertThat(cache.refusedRecently("a", "x", Optional.empty())).isEmpty();
    }

    @Test
    void disabledRemembersNothing() {
        RefusalCache off = RefusalCache.disabled();
        off.remember("u", "bad", hash, Cause.WRONG_PASSWORD);
        assertThat(off.refusedRecently("u", "bad", hash)).isEmpty();
    }
}
