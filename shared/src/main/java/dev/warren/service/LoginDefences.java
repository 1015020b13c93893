package dev.warren.service;

/**
 * What keeps refused logins cheap: where verifications run, the caches that let repeated logins
 * skip them, and the optional throttle.
 *
 * @param verifier runs verifications (a bounded {@link VerificationPool} when serving)
 * @param verified passwords that verified recently
 * @param refused  (user, password) pairs refused recently
 * @param throttle the brute-force throttle ({@link LoginThrottle#NONE} when off)
 */
public record LoginDefences(PasswordVerifier verifier, CredentialCache verified, RefusalCache refused,
                            LoginThrottle throttle) {

    /** Inline verification, nothing remembered, no throttle: tests and one-shot commands. */
    public static LoginDefences none() {
        return new LoginDefences(PasswordVerifier.INLINE, CredentialCache.disabled(), RefusalCache.disabled(),
                LoginThrottle.NONE);
    }
}
