package dev.warren.protocol;

import dev.warren.policy.AuthRequest;
import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import dev.warren.policy.AuthRequest.VhostRequest;
import dev.warren.policy.CacheOutcome;
import dev.warren.policy.Cause;
import dev.warren.policy.Decision;
import dev.warren.policy.Excerpt;
import java.util.Objects;

/**
 * One decision as logged: the request's fields (never a password), the decision with its cause and
 * reason, and how the user's policy was obtained. Fields that the path does not carry are null.
 * User-supplied values are kept as {@link Excerpt}s, so a log line stays small whatever the request.
 */
public record DecisionRecord(String path, String method, String username, String vhost, String resource,
                             String name, String permission, String routingKey, Decision decision,
                             long latencyMicros, CacheOutcome cache) {

    public DecisionRecord {
        username = Excerpt.of(username);
        vhost = Excerpt.of(vhost);
        resource = Excerpt.of(resource);
        name = Excerpt.of(name);
        permission = Excerpt.of(permission);
        routingKey = Excerpt.of(routingKey);
        Objects.requireNonNull(decision);
        Objects.requireNonNull(cache);
    }

    /**
     * The record of a decision, with the fields {@code request} carries; {@code request} is null when
     * the question could not be parsed (then only {@code username}, if known, is filled in).
     */
    public static DecisionRecord of(String path, String method, AuthRequest request, String username,
                                    Decision decision, long latencyMicros, CacheOutcome cache) {
        String vhost = null;
        String resource = null;
        String name = null;
        String permission = null;
        String routingKey = null;
        switch (request) {
            case VhostRequest v -> vhost = v.vhost();
            case ResourceRequest r -> {
                vhost = r.vhost();
                resource = r.kind().wireName();
                name = r.name();
                permission = r.permission().wireName();
            }
            case TopicRequest t -> {
                vhost = t.vhost();
                resource = "topic";
                name = t.exchange();
                permission = t.permission().wireName();
                routingKey = t.routingKey();
            }
            case null, default -> { }
        }
        return new DecisionRecord(path, method, username, vhost, resource, name, permission, routingKey, decision,
                latencyMicros, cache);
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

    /**
     * Receives a record's log fields, in the fixed order every decision log uses.
     *
     * @param <E> what writing a field may throw
     */
    public interface Fields<E extends Exception> {
        void text(String name, String value) throws E;

        void number(String name, long value) throws E;
    }

    /** Hands every field to {@code out} in order; fields the request did not carry (null) are left out. */
    public <E extends Exception> void writeFields(Fields<E> out) throws E {
        out.text("path", path);
        out.text("method", method);
        textIfPresent(out, "username", username);
        textIfPresent(out, "vhost", vhost);
        textIfPresent(out, "resource", resource);
        textIfPresent(out, "name", name);
        textIfPresent(out, "permission", permission);
        textIfPresent(out, "routing_key", routingKey);
        out.text("decision", result());
        out.text("cause", cause().label());
        out.text("reason", reason());
        out.number("latency_us", latencyMicros);
        textIfPresent(out, "cache", cacheLabel());
    }

    private static <E extends Exception> void textIfPresent(Fields<E> out, String name, String value) throws E {
        if (value != null) {
            out.text(name, value);
        }
    }
}
