package dev.warren.functions.caller;

/**
 * The outcome of checking who is calling (the broker, or anyone else who reached the API), before
 * any decision is read. Every outcome but {@link #PASSED} is answered as the broker's refusal.
 */
public enum CallerVerdict {
    PASSED("caller authenticated"),
    PUBLIC("caller authentication is off (CallerAuthentication=public)"),
    NO_CLIENT_CERTIFICATE("no client certificate in the request context (not through the mutual TLS domain?)"),
    SUBJECT_NOT_ALLOWED("client certificate subject is not in the allow-list"),
    NO_CREDENTIALS("no HTTP Basic credentials (Authorization header missing or not Basic)"),
    WRONG_CREDENTIALS("HTTP Basic credentials do not match the shared secret"),
    SECRET_UNAVAILABLE("the shared caller secret cannot be read");

    private final String reason;

    CallerVerdict(String reason) {
        this.reason = reason;
    }

    /** True when the request may go on to a decision. */
    public boolean admits() {
        return this == PASSED || this == PUBLIC;
    }

    /** Words for the decision log; never contains what the caller sent. */
    public String reason() {
        return reason;
    }
}
