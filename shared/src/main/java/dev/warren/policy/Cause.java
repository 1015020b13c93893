package dev.warren.policy;

/**
 * Why a decision came out as it did: a closed set that logs, metrics, {@code explain} and the admin
 * CLI read. Each cause belongs to exactly one {@link Kind}, so an allow can only be reached through
 * an allowing cause. Reason text is for people; code reads the cause.
 */
public enum Cause {
    /** The password verified against the stored hash (or a cached verification of it). */
    PASSWORD_VERIFIED(Kind.ALLOW),
    /** No password was sent and the user is marked for certificate login. */
    CERTIFICATE_LOGIN(Kind.ALLOW),
    /** The user has a permission entry on the vhost. */
    VHOST_PERMITTED(Kind.ALLOW),
    /** The permission's regex matched the resource name or routing key. */
    REGEX_MATCHED(Kind.ALLOW),
    /** No topic permission is set for the exchange, so the broker allows. */
    NO_TOPIC_PERMISSION(Kind.ALLOW),

    UNKNOWN_USER(Kind.DENY),
    WRONG_PASSWORD(Kind.DENY),
    /** An empty password was sent; it never matches. */
    EMPTY_PASSWORD(Kind.DENY),
    /** No password was sent and the user is not marked for certificate login. */
    NO_CERTIFICATE_LOGIN(Kind.DENY),
    /** The user exists but has no password hash. */
    NO_PASSWORD_HASH(Kind.DENY),
    DISABLED(Kind.DENY),
    NO_VHOST_PERMISSIONS(Kind.DENY),
    REGEX_NO_MATCH(Kind.DENY),
    REGEX_INVALID(Kind.DENY),
    REGEX_BUDGET_EXCEEDED(Kind.DENY),
    /** The requested permission does not exist on this path (configure on a topic). */
    PERMISSION_NOT_FOR_TOPICS(Kind.DENY),
    /** The request is not a well-formed question (missing, repeated or badly encoded parameter, wrong content type). */
    MALFORMED_REQUEST(Kind.DENY),
    /**
     * The caller (not the broker user) failed caller authentication: no or another client
     * certificate, or a missing or wrong HTTP Basic shared secret. The question was not read.
     */
    CALLER_NOT_AUTHENTICATED(Kind.DENY),
    /** A decision value is longer than RabbitMQ lets it be ({@link ValueLimits}); never looked up, never cached. */
    VALUE_TOO_LONG(Kind.DENY),
    /** Too many failed logins for this user within the throttle window: refused without verification. */
    LOGIN_THROTTLED(Kind.DENY),

    /** A store (DynamoDB, Secrets Manager, a definitions file) could not answer. */
    STORE_ERROR(Kind.ERROR),
    /** Unexpected failure in warren's own code. */
    INTERNAL_ERROR(Kind.ERROR),
    /** No decision within the deadline of the transport (warren amqp answers before the plugin gives up). */
    DEADLINE_EXCEEDED(Kind.ERROR),
    /**
     * No room to decide: every worker busy and the bounded queue of questions full (warren amqp),
     * or every password-verification thread busy and its queue full (a login refused at once).
     */
    OVERLOADED(Kind.ERROR);

    /** Whether a cause allows, denies on the data, or denies because something failed. */
    public enum Kind { ALLOW, DENY, ERROR }

    private final Kind kind;

    Cause(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean allows() {
        return kind == Kind.ALLOW;
    }

    /** The name used in logs and metrics: {@code unknown_user}, {@code regex_no_match}, ... */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
