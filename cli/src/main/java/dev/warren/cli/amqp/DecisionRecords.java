package dev.warren.cli.amqp;

import dev.warren.policy.AuthPath;
import dev.warren.policy.AuthRequest;
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
        long micros = (System.nanoTime() - startedNanos) / 1_000;
        DecisionRecord r = DecisionRecord.of(path == null ? "unknown" : path.label(), METHOD, request, username,
                decision, micros, cache);
        Decision cut = new Decision(decision.cause(), decision.tags(),
                LogText.truncate(decision.reason(), LogText.MAX_REASON_CHARS));
        return new DecisionRecord(r.path(), r.method(), LogText.truncate(r.username()), LogText.truncate(r.vhost()),
                r.resource(), LogText.truncate(r.name()), r.permission(), LogText.truncate(r.routingKey()), cut,
                r.latencyMicros(), r.cache());
    }
}
