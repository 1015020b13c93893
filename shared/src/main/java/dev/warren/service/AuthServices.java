package dev.warren.service;

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
        Authenticator authenticator = new Authenticator(hashes, Authenticator.dummyHash(hasher), verified);
        return new AuthService(policies, authenticator, new AccessPolicy(new PermissionRegex()));
    }
}
