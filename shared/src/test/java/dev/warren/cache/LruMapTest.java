package dev.warren.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LruMapTest {

    @Test
    void evictsTheLeastRecentlyUsedEntryNotAnArbitraryOne() {
        LruMap<String, Integer> map = new LruMap<>(3);
        map.put("a", 1);
        map.put("b", 2);
        map.put("c", 3);
        assertThat(map.get("a")).isEqualTo(1);
        map.put("d", 4);
        assertThat(map.get("b")).as("least recently used").isNull();
        assertThat(map.get("a")).isEqualTo(1);
        assertThat(map.get("c")).isEqualTo(3);
        assertThat(map.get("d")).isEqualTo(4);
        assertThat(map.size()).isEqualTo(3);
    }

    @Test
    void boundedByTotalWeightAndAnOverweightKeyIsNotKept() {
        LruMap<String, String> map = new LruMap<>(1_000, 10, String::length);
        map.put("aaaa", "1");
        map.put("bbbb", "2");
        map.put("cccc", "3");
        assertThat(map.weight()).isEqualTo(8);
        assertThat(map.get("aaaa")).isNull();
        map.put("x".repeat(11), "too heavy");
        assertThat(map.get("x".repeat(11))).isNull();
        assertThat(map.weight()).isEqualTo(8);
        map.put("bbbb", "again");
        assertThat(map.weight()).as("replacing does not add weight").isEqualTo(8);
        map.removeIf((k, v) -> k.equals("bbbb"));
        assertThat(map.weight()).isEqualTo(4);
        map.clear();
        assertThat(map.size()).isZero();
        assertThat(map.weight()).isZero();
    }
}
