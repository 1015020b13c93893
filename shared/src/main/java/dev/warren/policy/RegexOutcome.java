package dev.warren.policy;

/** Result of matching one permission regex against one value. */
public enum RegexOutcome {
    /** The regex found a match somewhere in the value. */
    MATCH,
    /** The regex is valid and did not match (the empty regex never matches). */
    NO_MATCH,
    /** The regex does not compile: deny. */
    INVALID,
    /** Evaluation hit its step budget (a pathological pattern): deny. */
    BUDGET_EXCEEDED
}
