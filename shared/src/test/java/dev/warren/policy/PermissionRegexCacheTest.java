package dev.warren.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The compiled-regex cache holds stored patterns, bounded; expanded patterns go to a small cache of
 * their own, only when short, so request values never fill memory or push out a stored pattern.
 */
class PermissionRegexCacheTest {

    private final PermissionRegex regex = new PermissionRegex();
    private final AccessPolicy policy = new AccessPolicy(regex);
    private final UserPolicy device = new UserPolicy("device", List.of(), false, false,
            Map.of("iot", new PermissionTriple(".*", ".*", ".*")),
            Map.of(new UserPolicy.TopicKey("iot", "amq.topic"),
                    new TopicPermission("iot", "amq.topic", "^{client_id}\\.", "^sensors\\.")),
            Optional.empty());

    private boolean writes(String clientId) {
        return policy.checkTopic(device, new TopicRequest("device", "iot", "amq.topic", Permission.WRITE,
                clientId + ".t", Map.of("client_id", clientId))).allowed();
    }

    @Test
    void aShortExpansionIsCompiledOnceAndKeptApartFromStoredPatterns() {
        for (int i = 0; i < 100; i++) {
            assertThat(writes("sensor-1")).isTrue();
        }
        assertThat(regex.cachedExpansions()).isEqualTo(1);
        assertThat(regex.cachedPatterns()).isZero();
    }

    @Test
    void manyDistinctExpansionsOnlyCycleTheirOwnBoundedCache() {
        regex.match("^kept$", "kept");
        for (int i = 0; i < 5_000; i++) {
            assertThat(writes("device-" + i)).isTrue();
        }
        assertThat(regex.cachedExpansions()).isEqualTo(1_000);
        assertThat(regex.cachedPatterns()).as("the stored pattern is still there").isEqualTo(1);
    }

    @Test
    void longExpandedTopicPatternsAreNotKept() {
        for (int i = 0; i < 1_000; i++) {
            String clientId = "c" + i + "x".repeat(PermissionRegex.MAX_KEPT_EXPANSION_CHARS);
            Decision d = policy.checkTopic(device, new TopicRequest("device", "iot", "amq.topic", Permission.WRITE,
                    clientId + ".t", Map.of("client_id", clientId)));
            assertThat(d.allowed()).isTrue();
        }
        assertThat(regex.cachedPatterns()).isZero();
        assertThat(regex.cachedExpansions()).isZero();
        policy.checkTopic(device, new TopicRequest("device", "iot", "amq.topic", Permission.READ, "sensors.x",
                Map.of("client_id", "c")));
        assertThat(regex.cachedPatterns()).as("a stored pattern without variables is kept").isEqualTo(1);
    }

    @Test
    void storedPatternsAreKeptAndTheCacheIsBoundedLeastRecentlyUsedFirst() {
        for (int i = 0; i < 20_000; i++) {
            regex.match("^q" + i + "$", "q" + i);
        }
        assertThat(regex.cachedPatterns()).isEqualTo(10_000);
        assertThat(policy.checkResource(device, new ResourceRequest("device", "iot", ResourceKind.QUEUE, "q",
                Permission.READ)).allowed()).isTrue();
    }
}
