package dev.warren.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyedDigestTest {

    private final KeyedDigest digest = new KeyedDigest();

    @Test
    void theSameListGivesTheSameDigestAndNoTwoListsCollideByConcatenation() {
        assertThat(digest.of("app", "secret")).isEqualTo(digest.of("app", "secret"));
        assertThat(digest.of("ab", "c")).isNotEqualTo(digest.of("a", "bc"));
        assertThat(digest.of("abc")).isNotEqualTo(digest.of("ab", "c"));
        assertThat(digest.of("app", "")).isNotEqualTo(digest.of("app"));
    }

    @Test
    void anotherInstanceOrANewKeyGivesOtherDigests() {
        String before = digest.of("app", "secret");
        assertThat(new KeyedDigest().of("app", "secret")).isNotEqualTo(before);
        digest.reseed();
        assertThat(digest.of("app", "secret")).isNotEqualTo(before);
    }

    @Test
    void concurrentDigestsDoNotDisturbEachOther() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 2_000).parallel().forEach(i -> seen.add(digest.of("user", Integer.toString(i % 10))));
        assertThat(seen).hasSize(10);
    }
}
