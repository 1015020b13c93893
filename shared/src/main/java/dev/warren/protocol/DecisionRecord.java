package dev.warren.protocol;

/**
 * One decision as logged: the request's fields (never a password), the result and its reason.
 * Fields that the path does not carry are null; {@code cache} is {@code hit}, {@code miss} or
 * {@code stale} when the policy came through the policy cache, else null.
 */
public record DecisionRecord(String path, String method, String username, String vhost, String resource,
                             String name, String permission, String routingKey, String decision, String reason,
                             long latencyMicros, String cache) {

    /** A record without cache information. */
    public DecisionRecord(String path, String method, String username, String vhost, String resource, String name,
                          String permission, String routingKey, String decision, String reason, long latencyMicros) {
        this(path, method, username, vhost, resource, name, permission, routingKey, decision, reason, latencyMicros,
                null);
    }
}
