package dev.warren.functions.caller;

/**
 * Who may ask warren questions, checked on every request before it is read: the template's
 * {@code CallerAuthentication} parameter. A failed check is answered as the broker's refusal
 * ({@code deny}) and logged with its {@link CallerVerdict}.
 */
public sealed interface CallerAuthentication permits MutualTlsCallers, BasicAuthCallers, PublicCallers {

    /** Constant work whatever the credentials: no early exit that depends on their content. */
    CallerVerdict check(CallerCredentials presented);

    /** The mode's name as the template spells it ({@code mtls}, {@code basic}, {@code public}). */
    String mode();

    /** Anyone who reaches the endpoint may ask (the template's explicit {@code public}). */
    static CallerAuthentication publicAccess() {
        return PublicCallers.INSTANCE;
    }
}
