package dev.warren.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StoreCacheTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final AtomicInteger loads = new AtomicInteger();
    private final StoreCache<String, String> cache = new StoreCache<>("policy", Duration.ofSeconds(15),
            Duration.ofSeconds(2), Duration.ofSeconds(300), 100, now::get);

    private Supplier<Optional<String>> returning(Optional<String> value) {
        return () -> {
            loads.incrementAndGet();
            return value;
        };
    }

    private Supplier<Optional<String>> failing() {
        return () -> {
            loads.incrementAndGet();
            throw new StoreException("DynamoDB table 'warren': timed out");
        };
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void reusesAFoundValueForTheTtl() {
        assertThat(cache.get("app", "app", returning(Optional.of("v1")))).contains("v1");
        advance(Duration.ofSeconds(14));
        assertThat(cache.get("app", "app", returning(Optional.of("v2")))).contains("v1");
        advance(Duration.ofSeconds(2));
        assertThat(cache.get("app", "app", returning(Optional.of("v2")))).contains("v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void remembersNotFoundBriefly() {
        assertThat(cache.get("ghost", "ghost", returning(Optional.empty()))).isEmpty();
        assertThat(cache.get("ghost", "ghost", returning(Optional.of("now exists")))).isEmpty();
        advance(Duration.ofSeconds(3));
        assertThat(cache.get("ghost", "ghost", returning(Optional.of("now exists")))).contains("now exists");
        assertThat(loads).hasValue(2);
    }

    @Test
    void servesTheLastGoodAnswerWithinTheStaleWindow() {
        cache.get("app", "app", returning(Optional.of("v1")));
        advance(Duration.ofSeconds(60));
        assertThat(cache.get("app", "app", failing())).contains("v1");
        advance(Duration.ofSeconds(239));
        assertThat(cache.get("app", "app", failing())).contains("v1");
        advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> cache.get("app", "app", failing())).hasMessageContaining("timed out");
    }

    @Test
    void neverServesStaleForAUserNeverSeen() {
        assertThatThrownBy(() -> cache.get("new", "new", failing())).isInstanceOf(StoreException.class);
    }

    @Test
    void doesNotServeANotFoundAnswerStale() {
        cache.get("ghost", "ghost", returning(Optional.empty()));
        advance(Duration.ofSeconds(3));
        assertThatThrownBy(() -> cache.get("ghost", "ghost", failing())).isInstanceOf(StoreException.class);
    }

    @Test
    void afterAFailureTheStoreIsLeftAloneForTheNegativeTtl() {
        assertThatThrownBy(() -> cache.get("new", "new", failing())).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> cache.get("new", "new", returning(Optional.of("v")))).hasMessageContaining("timed out");
        assertThat(loads).hasValue(1);
        advance(Duration.ofSeconds(2));
        assertThat(cache.get("new", "new", returning(Optional.of("v")))).contains("v");
        assertThat(loads).hasValue(2);
    }

    @Test
    void recoversWhenTheStoreComesBack() {
        cache.get("app", "app", returning(Optional.of("v1")));
        advance(Duration.ofSeconds(20));
        assertThat(cache.get("app", "app", failing())).contains("v1");
        advance(Duration.ofSeconds(3));
        assertThat(cache.get("app", "app", returning(Optional.of("v2")))).contains("v2");
    }

    @Test
    void staysBounded() {
        for (int i = 0; i < 1000; i++) {
            cache.get("u" + i, "u" + i, returning(Optional.of("v")));
        }
        // the oldest entries were dropped: asking again loads again
        int before = loads.get();
        for (int i = 0; i < 1000; i++) {
            cache.get("u" + i, "u" + i, returning(Optional.of("v")));
        }
        assertThat(loads.get() - before).isGreaterThan(800);
    }

    @Test
    void aFloodOfUnknownNamesNeverEvictsAFoundUser() {
        cache.get("app", "app", returning(Optional.of("v")));
        for (int i = 0; i < 10_000; i++) {
            cache.get("nobody-" + i, "nobody-" + i, returning(Optional.empty()));
        }
        int before = loads.get();
        assertThat(cache.get("app", "app", returning(Optional.of("v2")))).contains("v");
        assertThat(loads.get()).as("still a hit").isEqualTo(before);
    }

    @Test
    void evictsTheLeastRecentlyUsedFoundEntry() {
        for (int i = 0; i < 100; i++) {
            cache.get("u" + i, "u" + i, returning(Optional.of("v")));
        }
        cache.get("u0", "u0", returning(Optional.of("v")));
        cache.get("u100", "u100", returning(Optional.of("v")));
        int before = loads.get();
        cache.get("u0", "u0", returning(Optional.of("v")));
        assertThat(loads.get()).as("u0 was used recently, so u1 went instead").isEqualTo(before);
        cache.get("u1", "u1", returning(Optional.of("v")));
        assertThat(loads.get()).isEqualTo(before + 1);
    }
}
