package dev.warren.protocol;

import dev.warren.policy.CacheOutcome;
import dev.warren.policy.Cause;
import dev.warren.policy.Decision;
import java.util.Objects;

/**
 * One decision as logged: the request's fields (never a password), the decision with its cause and
 * reason, and how the user's policy was obtained. Fields that the path does not carry are null.
 */
public record DecisionRecord(String path, String method, String username, String vhost, String resource,
                             String name, String permission, String routingKey, Decision decision,
                             long latencyMicros, CacheOutcome cache) {

    public DecisionRecord {
        Objects.requireNonNull(decision);
        Objects.requireNonNull(cache);
    }

    /** {@code allow} or {@code deny}. */
    public String result() {
        return decision.result();
    }

    public Cause cause() {
        return decision.cause();
    }

    public String reason() {
        return decision.reason();
    }

    /** {@code hit}, {@code miss} or {@code stale} when the policy came through the cache, else null. */
    public String cacheLabel() {
        return cache.label();
    }
}
