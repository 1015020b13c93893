package dev.warren.cli.amqp;

import dev.warren.policy.AuthPath;
import dev.warren.policy.AuthRequest;
import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import dev.warren.policy.AuthRequest.VhostRequest;
import dev.warren.policy.CacheOutcome;
import dev.warren.policy.Decision;
import dev.warren.protocol.DecisionRecord;

/** One AMQP question's decision as a log record: the request's fields cut to {@link LogText} size, never a password. */
final class DecisionRecords {

    /** The {@code method} field of every record from this transport. */
    static final String METHOD = "AMQP";

    private DecisionRecords() {
    }

    static DecisionRecord of(AuthPath path, AuthRequest request, String username, Decision decision, CacheOutcome cache,
                             long startedNanos) {
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
        long micros = (System.nanoTime() - startedNanos) / 1_000;
        return new DecisionRecord(path == null ? "unknown" : path.label(), METHOD, LogText.truncate(username),
                LogText.truncate(vhost), resource, LogText.truncate(name), permission, LogText.truncate(routingKey),
                new Decision(decision.cause(), decision.tags(), LogText.truncate(decision.reason(), LogText.MAX_REASON_CHARS)),
                micros, cache);
    }
}
