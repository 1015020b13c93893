package dev.warren.protocol;

/**
 * One decision as logged: the request's fields (never a password), the result and its reason.
 * Fields that the path does not carry are null.
 */
public record DecisionRecord(String path, String method, String username, String vhost, String resource,
                             String name, String permission, String routingKey, String decision, String reason,
                             long latencyMicros) {
}
