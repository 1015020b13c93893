package dev.warren.protocol;

import dev.warren.policy.AuthPath;
import dev.warren.policy.Cause;
import dev.warren.policy.Decision;

/**
 * The body the broker reads for a decision: {@code allow}, {@code allow tag1 tag2}, and for a
 * refusal either exactly {@code deny} (the default, understood by every RabbitMQ version) or, when
 * deny reasons are on ({@code WARREN_DENY_REASONS=true}, RabbitMQ 4.3 and later only),
 * {@code deny <reason>}.
 *
 * <p>A reason is a fixed, short, lower-case phrase chosen by the typed {@link Cause} and the path
 * alone: no store error text, no request value, nothing the HTTP caller did not send. The broker logs
 * it and, with {@code auth_http.authorization_failure_disclosure = true}, shows it to AMQP clients.
 * Causes that would tell an HTTP caller whether a user exists share one phrase: every credential
 * refusal on the user path is {@code invalid credentials}, and an unknown or disabled user is
 * {@code no permissions on vhost} on the other paths, like a user without an entry for the vhost.
 */
public final class AnswerBody {

    private static final AnswerBody BARE = new AnswerBody(false);
    private static final AnswerBody WITH_REASONS = new AnswerBody(true);

    private final boolean reasons;

    private AnswerBody(boolean reasons) {
        this.reasons = reasons;
    }

    /** Refusals are exactly {@code deny}. */
    public static AnswerBody bare() {
        return BARE;
    }

    /** Refusals are {@code deny <reason>} (RabbitMQ 4.3 and later). */
    public static AnswerBody withReasons() {
        return WITH_REASONS;
    }

    public static AnswerBody of(boolean denyReasons) {
        return denyReasons ? WITH_REASONS : BARE;
    }

    public boolean reasons() {
        return reasons;
    }

    /** The body for one decision on one path; an allow is the same either way. */
    public String body(AuthPath path, Decision decision) {
        if (decision.allowed() || !reasons) {
            return decision.body();
        }
        return "deny " + reason(path, decision.cause());
    }

    /** The phrase that follows {@code deny}; fixed per path and cause. */
    static String reason(AuthPath path, Cause cause) {
        if (cause == Cause.MALFORMED_REQUEST) {
            return "malformed request";
        }
        if (cause == Cause.CALLER_NOT_AUTHENTICATED) {
            // a broker with the wrong URL secret or client certificate: say so in its log
            return "caller not authenticated";
        }
        if (path == AuthPath.USER) {
            // a secret can fail to load only for a user that exists: errors say nothing more here
            return "invalid credentials";
        }
        return switch (cause) {
            case UNKNOWN_USER, DISABLED, NO_VHOST_PERMISSIONS -> "no permissions on vhost";
            case REGEX_NO_MATCH -> path == AuthPath.TOPIC
                    ? "routing key does not match the topic permission"
                    : "name does not match the permission";
            case REGEX_INVALID -> "permission pattern is invalid";
            case REGEX_BUDGET_EXCEEDED -> "permission pattern is too costly to evaluate";
            case PERMISSION_NOT_FOR_TOPICS -> "permission does not apply to topics";
            case WRONG_PASSWORD, EMPTY_PASSWORD, NO_CERTIFICATE_LOGIN, NO_PASSWORD_HASH -> "invalid credentials";
            case MALFORMED_REQUEST -> "malformed request";
            case CALLER_NOT_AUTHENTICATED -> "caller not authenticated";
            case STORE_ERROR -> "permission store unavailable";
            case INTERNAL_ERROR -> "internal error";
            case DEADLINE_EXCEEDED -> "no decision in time";
            case OVERLOADED -> "overloaded";
            case VALUE_TOO_LONG -> "value too long";
            case LOGIN_THROTTLED -> "invalid credentials";
            case PASSWORD_VERIFIED, CERTIFICATE_LOGIN, VHOST_PERMITTED, REGEX_MATCHED, NO_TOPIC_PERMISSION ->
                    throw new IllegalArgumentException(cause + " allows: an allow has no refusal reason");
        };
    }
}
