package dev.warren.policy;

/** A permission regex warren cannot run: PCRE rejects it, or PCRE accepts it and warren cannot reproduce it. */
final class PcrePatternException extends Exception {

    /** Why the pattern cannot be run; either way every check against it denies. */
    enum Kind {
        /** The broker's PCRE does not compile it either (the broker refuses every check too). */
        INVALID,
        /** Valid PCRE whose meaning warren does not reproduce: warren denies where the broker may allow. */
        UNSUPPORTED
    }

    private final Kind kind;

    PcrePatternException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    static PcrePatternException invalid(String message) {
        return new PcrePatternException(Kind.INVALID, message);
    }

    static PcrePatternException unsupported(String message) {
        return new PcrePatternException(Kind.UNSUPPORTED, message);
    }

    Kind kind() {
        return kind;
    }

    /** The operator's explanation, e.g. for a load-time warning. */
    String describe() {
        return kind == Kind.INVALID
                ? "PCRE rejects it: " + getMessage()
                : "valid PCRE that warren does not reproduce (" + getMessage() + "), so it fails closed";
    }
}
