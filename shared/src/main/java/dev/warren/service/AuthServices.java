package dev.warren.service;

import dev.warren.config.LoginSettings;
import dev.warren.config.WarrenConfig;
import dev.warren.password.PasswordHasher;
import dev.warren.policy.AccessPolicy;
import dev.warren.policy.PermissionRegex;
import dev.warren.store.PasswordHashStore;
import dev.warren.store.PolicyStore;

/** Wires the decision code over a pair of stores; the one place that assembles an {@link AuthService}. */
public final class AuthServices {

    private AuthServices() {
    }

    public static AuthService over(PolicyStore policies, PasswordHashStore hashes) {
        return over(policies, hashes, new PasswordHasher());
    }

    /** @param hasher sets the cost of the dummy verification run for unknown users */
    public static AuthService over(PolicyStore policies, PasswordHashStore hashes, PasswordHasher hasher) {
        return over(policies, hashes, hasher, CredentialCache.disabled());
    }

    /** @param verified the verified-credentials cache (skips the slow hash on repeated logins) */
    public static AuthService over(PolicyStore policies, PasswordHashStore hashes, PasswordHasher hasher,
                                   CredentialCache verified) {
        return over(policies, hashes, hasher, new LoginDefences(PasswordVerifier.INLINE, verified,
                RefusalCache.disabled(), LoginThrottle.NONE));
    }

    /** @param defences where verifications run, the credential and refusal caches, the throttle */
    public static AuthService over(PolicyStore policies, PasswordHashStore hashes, PasswordHasher hasher,
                                   LoginDefences defences) {
        Authenticator authenticator = new Authenticator(hashes, () -> Authenticator.dummyHash(hasher), defences);
        return new AuthService(policies, authenticator, new AccessPolicy(new PermissionRegex()));
    }

    /**
     * The defences {@code config} sets: a bounded verification pool, both credential caches, and
     * {@code throttle} ({@link #instanceThrottle} or a shared one).
     */
    public static LoginDefences defences(WarrenConfig config, LoginThrottle throttle) {
        LoginSettings login = config.login();
        return new LoginDefences(new VerificationPool(login.verifyThreads(), login.verifyQueue()),
                new CredentialCache(config.credentialTtl(), config.cacheMaxEntries()),
                new RefusalCache(login.refusalTtl(), config.cacheMaxEntries()), throttle);
    }

    /** The per-instance throttle {@code config} sets, or {@link LoginThrottle#NONE} when it is off. */
    public static LoginThrottle instanceThrottle(WarrenConfig config) {
        LoginSettings login = config.login();
        return login.throttled()
                ? new LocalLoginThrottle(login.throttleFailures(), login.throttleWindow(), config.cacheMaxEntries(),
                        System::nanoTime)
                : LoginThrottle.NONE;
    }
}
