package dev.warren.service;

import dev.warren.password.PasswordHash;
import dev.warren.password.PasswordHasher;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.Decision;
import dev.warren.policy.UserPolicy;
import dev.warren.store.PasswordHashStore;
import java.util.Optional;

/**
 * The user path of RabbitMQ's internal backend: allow iff the user exists, is enabled, has a
 * password hash and the password verifies. A missing password (certificate login) is allowed
 * only for users marked for it. Unknown users cost a dummy verification so that timing does not
 * reveal which names exist.
 */
public final class Authenticator {

    private final PasswordHashStore hashes;
    private final PasswordHash dummyHash;
    private final CredentialCache verified;

    public Authenticator(PasswordHashStore hashes, PasswordHash dummyHash) {
        this(hashes, dummyHash, CredentialCache.disabled());
    }

    /** @param verified remembers passwords that verified, so repeated logins skip the slow hash */
    public Authenticator(PasswordHashStore hashes, PasswordHash dummyHash, CredentialCache verified) {
        this.hashes = hashes;
        this.dummyHash = dummyHash;
        this.verified = verified;
    }

    /** A dummy hash with the same cost as newly set passwords. */
    public static PasswordHash dummyHash(PasswordHasher hasher) {
        return hasher.hash("warren-dummy-" + System.nanoTime());
    }

    public Decision authenticate(Optional<UserPolicy> found, UserRequest request) {
        if (found.isEmpty()) {
            request.password().ifPresent(p -> PasswordHasher.verify(p, dummyHash));
            return Decision.deny("user '" + request.username() + "' - invalid credentials: unknown user");
        }
        UserPolicy user = found.get();
        if (user.disabled()) {
            return Decision.deny("user '" + user.username() + "' - invalid credentials: user is disabled");
        }
        if (request.password().isEmpty()) {
            return user.certificateLogin()
                    ? Decision.allowWithTags(user.tags(), "user '" + user.username() + "' authenticated by certificate")
                    : Decision.deny("user '" + user.username()
                            + "' - invalid credentials: no password supplied and user is not marked for certificate login");
        }
        String password = request.password().get();
        Optional<PasswordHash> hash = hashes.findHash(user);
        if (hash.isEmpty()) {
            PasswordHasher.verify(password, dummyHash);
            return Decision.deny("user '" + user.username() + "' - invalid credentials: user has no password");
        }
        if (password.isEmpty()) {
            return Decision.deny("user '" + user.username() + "' - invalid credentials: empty password");
        }
        if (verified.isVerified(user.username(), password, hash.get())) {
            return Decision.allowWithTags(user.tags(), "user '" + user.username() + "' authenticated (cached)");
        }
        if (!PasswordHasher.verify(password, hash.get())) {
            return Decision.deny("user '" + user.username() + "' - invalid credentials: wrong password");
        }
        verified.rememberVerified(user.username(), password, hash.get());
        return Decision.allowWithTags(user.tags(), "user '" + user.username() + "' authenticated");
    }
}
