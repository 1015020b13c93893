package dev.warren.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.password.HashingAlgorithm;
import dev.warren.password.PasswordHash;
import dev.warren.password.PasswordHasher;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final CredentialCache cache = new CredentialCache(Duration.ofSeconds(60), 100, now::get);
    private final PasswordHash hash = PasswordHasher.rabbitHash(HashingAlgorithm.SHA256, new byte[] {1, 2, 3, 4}, "pw");

    @Test
    void remembersAVerifiedPasswordForTheTtl() {
        assertThat(cache.isVerified("u", "pw", hash)).isFalse();
        cache.rememberVerified("u", "pw", hash);
        assertThat(cache.isVerified("u", "pw", hash)).isTrue();
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(cache.isVerified("u", "pw", hash)).isFalse();
    }

    @Test
    void anotherPasswordUserOrHashDoesNotMatch() {
        cache.rememberVerified("u", "pw", hash);
        PasswordHash changed = PasswordHasher.rabbitHash(HashingAlgorithm.SHA256, new byte[] {9, 9, 9, 9}, "pw");
        assertThat(cache.isVerified("u", "pw2", hash)).isFalse();
        assertThat(cache.isVerified("v", "pw", hash)).isFalse();
        assertThat(cache.isVerified("u", "pw", changed)).isFalse();
        // length-prefixed: moving characters between fields never collides
        cache.rememberVerified("ab", "c", hash);
        assertThat(cache.isVerified("a", "bc", hash)).isFalse();
    }

    @Test
    void reseedMakesANewKeyAndForgetsWhatTheOldOneKeyed() {
        cache.rememberVerified("u", "pw", hash);
        String before = cache.tag("u", "pw", hash);

        cache.reseed();

        assertThat(cache.tag("u", "pw", hash)).as("a new key").isNotEqualTo(before);
        assertThat(cache.isVerified("u", "pw", hash)).isFalse();
        cache.rememberVerified("u", "pw", hash);
        assertThat(cache.isVerified("u", "pw", hash)).isTrue();
    }

    @Test
    void twoInstancesNeverShareAKey() {
        CredentialCache other = new CredentialCache(Duration.ofSeconds(60), 100, now::get);
        assertThat(other.tag("u", "pw", hash)).isNotEqualTo(cache.tag("u", "pw", hash));
    }

    @Test
    void disabledRemembersNothing() {
        CredentialCache off = CredentialCache.disabled();
        off.rememberVerified("u", "pw", hash);
        assertThat(off.isVerified("u", "pw", hash)).isFalse();
    }

    @Test
    void reseedForgetsEveryVerification() {
        cache.rememberVerified("u", "pw", hash);
        cache.reseed();
        assertThat(cache.isVerified("u", "pw", hash)).isFalse();
    }
}
