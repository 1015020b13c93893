package dev.warren.service;

import dev.warren.password.PasswordHash;
import dev.warren.password.PasswordHasher;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.Cause;
import dev.warren.policy.Decision;
import dev.warren.policy.Excerpt;
import dev.warren.policy.UserPolicy;
import dev.warren.store.PasswordHashStore;
import java.util.Optional;

/**
 * The user path of RabbitMQ's internal backend: allow iff the user exists, has a password hash
 * and the password verifies ({@link AuthService} has already refused a disabled user). A missing password (certificate login) is allowed
 * only for users marked for it.
 *
 * <p>Every refused password costs one slow-KDF verification: an unknown user, a disabled user, a
 * user without a hash, and a wrong password checked against a fast RabbitMQ digest all run a dummy
 * verification at the cost of newly set passwords, so that timing does not tell which names exist
 * (or which hash format a user has). Successful logins pay only their own hash.
 */
public final class Authenticator implements InstanceSecrets {

    /** Spends the cost of one slow verification on a password that is being refused. */
    @FunctionalInterface
    interface DummyVerification {
        void run(String password);
    }

    private final PasswordHashStore hashes;
    private final DummyVerification dummy;
    private final CredentialCache verified;

    public Authenticator(PasswordHashStore hashes, PasswordHash dummyHash) {
        this(hashes, dummyHash, CredentialCache.disabled());
    }

    /** @param verified remembers passwords that verified, so repeated logins skip the slow hash */
    public Authenticator(PasswordHashStore hashes, PasswordHash dummyHash, CredentialCache verified) {
        this(hashes, password -> PasswordHasher.verify(password, dummyHash), verified);
    }

    Authenticator(PasswordHashStore hashes, DummyVerification dummy, CredentialCache verified) {
        this.hashes = hashes;
        this.dummy = dummy;
        this.verified = verified;
    }

    /**
     * A dummy hash with the same verification cost as newly set passwords, made without running the
     * KDF ({@link PasswordHasher#unverifiableHash()}): a function's init derives no key.
     */
    public static PasswordHash dummyHash(PasswordHasher hasher) {
        return hasher.unverifiableHash();
    }

    public Decision authenticate(Optional<UserPolicy> found, UserRequest request) {
        if (found.isEmpty()) {
            return refuse(request, Cause.UNKNOWN_USER, "user " + Excerpt.quoted(request.username()) + " - invalid credentials: unknown user");
        }
        UserPolicy user = found.get();
        if (request.password().isEmpty()) {
            return user.certificateLogin()
                    ? Decision.allowWithTags(Cause.CERTIFICATE_LOGIN, user.tags(),
                            "user " + Excerpt.quoted(user.username()) + " authenticated by certificate")
                    : Decision.deny(Cause.NO_CERTIFICATE_LOGIN, "user " + Excerpt.quoted(user.username())
                            + " - invalid credentials: no password supplied and user is not marked for certificate login");
        }
        String password = request.password().get();
        Optional<PasswordHash> hash = hashes.findHash(user);
        if (hash.isEmpty()) {
            return refuse(request, Cause.NO_PASSWORD_HASH, "user " + Excerpt.quoted(user.username()) + " - invalid credentials: user has no password");
        }
        if (password.isEmpty()) {
            return refuse(request, Cause.EMPTY_PASSWORD, "user " + Excerpt.quoted(user.username()) + " - invalid credentials: empty password");
        }
        if (verified.isVerified(user.username(), password, hash.get())) {
            return Decision.allowWithTags(Cause.PASSWORD_VERIFIED, user.tags(),
                    "user " + Excerpt.quoted(user.username()) + " authenticated (cached)");
        }
        if (!PasswordHasher.verify(password, hash.get())) {
            String reason = "user " + Excerpt.quoted(user.username()) + " - invalid credentials: wrong password";
            return hash.get().algorithm().isSlow()
                    ? Decision.deny(Cause.WRONG_PASSWORD, reason)
                    : refuse(request, Cause.WRONG_PASSWORD, reason);
        }
        verified.rememberVerified(user.username(), password, hash.get());
        return Decision.allowWithTags(Cause.PASSWORD_VERIFIED, user.tags(), "user " + Excerpt.quoted(user.username()) + " authenticated");
    }

    /** New per-instance secrets for the caches below (the verified-credentials cache's key). */
    @Override
    public void reseed() {
        verified.reseed();
    }

    /** A refusal that has not yet paid for a slow verification: pay it now, then deny (AuthService uses it for disabled users). */
    Decision refuse(UserRequest request, Cause cause, String reason) {
        request.password().ifPresent(dummy::run);
        return Decision.deny(cause, reason);
    }
}
