package dev.warren.functions.caller;

/** {@code CallerAuthentication=public}: no check; every request is logged as {@link CallerVerdict#PUBLIC}. */
final class PublicCallers implements CallerAuthentication {

    static final PublicCallers INSTANCE = new PublicCallers();

    private PublicCallers() {
    }

    @Override
    public CallerVerdict check(CallerCredentials presented) {
        return CallerVerdict.PUBLIC;
    }

    @Override
    public String mode() {
        return "public";
    }
}
