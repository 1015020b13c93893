package dev.warren.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The compiled-regex cache holds stored patterns only, bounded; request values never fill it. */
class PermissionRegexCacheTest {

    private final PermissionRegex regex = new PermissionRegex();
    private final AccessPolicy policy = new AccessPolicy(regex);
    private final UserPolicy device = new UserPolicy("device", List.of(), false, false,
            Map.of("iot", new PermissionTriple(".*", ".*", ".*")),
            Map.of(new UserPolicy.TopicKey("iot", "amq.topic"),
                    new TopicPermission("iot", "amq.topic", "^{client_id}\\.", "^sensors\\.")),
            Optional.empty());

    @Test
    void expandedTopicPatternsAreNotKept() {
        for (int i = 0; i < 1_000; i++) {
            String clientId = "c" + i + "x".repeat(1_000);
            Decision d = policy.checkTopic(device, new TopicRequest("device", "iot", "amq.topic", Permission.WRITE,
                    clientId + ".t", Map.of("client_id", clientId)));
            assertThat(d.allowed()).isTrue();
        }
        assertThat(regex.cachedPatterns()).isZero();
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
