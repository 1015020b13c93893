package dev.warren.service;

import dev.warren.password.PasswordHash;
import dev.warren.password.PasswordHasher;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.Cause;
import dev.warren.policy.Decision;
import dev.warren.policy.Excerpt;
import dev.warren.policy.UserPolicy;
import dev.warren.service.PasswordVerifier.Outcome;
import dev.warren.store.PasswordHashStore;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The user path of RabbitMQ's internal backend: allow iff the user exists, has a password hash and
 * the password verifies. A missing password (certificate login) is allowed only for users marked
 * for it. A disabled user never gets here: {@link AuthService} refuses it first, on every path.
 *
 * <p>Every refused password costs one slow-KDF verification: an unknown user, a disabled user, a
 * user without a hash, and a wrong password checked against a fast RabbitMQ digest all run a dummy
 * verification at the cost of newly set passwords, so that timing does not tell which names exist.
 * Verifications run on the {@link LoginDefences#verifier()}: when it is overloaded the login is
 * refused at once ({@link Cause#OVERLOADED}). A pair refused after a verification is refused again
 * without one for a while ({@link RefusalCache}), the same login arriving while its verification
 * runs shares it ({@link InFlightVerifications}), and the optional {@link LoginThrottle} refuses a
 * name with too many recent failures before any verification.
 */
public final class Authenticator implements InstanceSecrets {

    private final PasswordHashStore hashes;
    private final Supplier<PasswordHash> dummies;
    private final LoginDefences defences;
    private final InFlightVerifications verifications;
    private volatile PasswordHash dummy;

    public Authenticator(PasswordHashStore hashes, PasswordHash dummyHash) {
        this(hashes, () -> dummyHash, LoginDefences.none());
    }

    /** @param dummies makes the hash refused passwords are verified against (again after {@link #reseed()}) */
    public Authenticator(PasswordHashStore hashes, Supplier<PasswordHash> dummies, LoginDefences defences) {
        this.hashes = hashes;
        this.dummies = dummies;
        this.defences = defences;
        this.verifications = new InFlightVerifications(defences.verifier());
        this.dummy = dummies.get();
    }

    /**
     * A dummy hash with the same verification cost as newly set passwords, made without running the
     * KDF ({@link PasswordHasher#unverifiableHash()}): a function's init derives no key.
     */
    public static PasswordHash dummyHash(PasswordHasher hasher) {
        return hasher.unverifiableHash();
    }

    public Decision authenticate(Optional<UserPolicy> found, UserRequest request) {
        if (request.password().isEmpty()) {
            return certificateLogin(found, request);
        }
        String username = request.username();
        String password = request.password().get();
        if (defences.throttle().isThrottled(username)) {
            return Decision.deny(Cause.LOGIN_THROTTLED, "user " + Excerpt.quoted(username)
                    + " - too many failed logins, refused without verification");
        }
        if (found.isEmpty()) {
            return refuse(username, password, Optional.empty(), Cause.UNKNOWN_USER, "unknown user");
        }
        UserPolicy user = found.get();
        Optional<PasswordHash> hash = hashes.findHash(user);
        if (hash.isEmpty()) {
            return refuse(username, password, Optional.empty(), Cause.NO_PASSWORD_HASH, "user has no password");
        }
        if (password.isEmpty()) {
            return refuse(username, password, Optional.empty(), Cause.EMPTY_PASSWORD, "empty password");
        }
        return verify(user, password, hash.get());
    }

    private Decision verify(UserPolicy user, String password, PasswordHash hash) {
        String username = user.username();
        Optional<Cause> recent = defences.refused().refusedRecently(username, password, Optional.of(hash));
        if (recent.isPresent()) {
            return refusedAgain(username, recent.get(), "wrong password");
        }
        if (defences.verified().isVerified(username, password, hash)) {
            return authenticated(user, " (cached)");
        }
        if (!hash.algorithm().isSlow()) {
            return PasswordHasher.verify(password, hash)
                    ? remembered(user, password, hash)
                    : refuse(username, password, Optional.of(hash), Cause.WRONG_PASSWORD, "wrong password");
        }
        return switch (verifications.verify(username, password, hash)) {
            case MATCH -> remembered(user, password, hash);
            case NO_MATCH -> refused(username, password, Optional.of(hash), Cause.WRONG_PASSWORD, "wrong password");
            case OVERLOADED -> overloaded(username);
        };
    }

    /**
     * A refusal that has not yet paid for a slow verification: refuse at once if this very pair
     * was refused recently, else pay one dummy verification now, then deny.
     */
    private Decision refuse(String username, String password, Optional<PasswordHash> hash, Cause cause, String why) {
        Optional<Cause> recent = defences.refused().refusedRecently(username, password, hash);
        if (recent.isPresent()) {
            return refusedAgain(username, recent.get(), why);
        }
        if (verifications.verify(username, password, dummy) == Outcome.OVERLOADED) {
            return overloaded(username);
        }
        return refused(username, password, hash, cause, why);
    }

    /**
     * A refusal decided above this class (a disabled user, by {@link AuthService}): a login with a
     * password pays one verification like every other refused password, then is denied with the
     * given cause and reason.
     */
    Decision refuse(UserRequest request, Cause cause, String reason) {
        if (request.password().isEmpty()) {
            return Decision.deny(cause, reason);
        }
        Decision refused = refuse(request.username(), request.password().get(), Optional.empty(), cause, "refused");
        return refused.cause() == cause ? Decision.deny(cause, reason) : refused;
    }

    /** A refusal that has paid for its verification: remember it, count it, deny. */
    private Decision refused(String username, String password, Optional<PasswordHash> hash, Cause cause, String why) {
        defences.refused().remember(username, password, hash, cause);
        defences.throttle().recordFailure(username);
        return Decision.deny(cause, "user " + Excerpt.quoted(username) + " - invalid credentials: " + why);
    }

    private static Decision refusedAgain(String username, Cause cause, String why) {
        return Decision.deny(cause, "user " + Excerpt.quoted(username) + " - invalid credentials: " + why
                + " (same credentials refused recently, not verified again)");
    }

    private static Decision overloaded(String username) {
        return Decision.error(Cause.OVERLOADED, "user " + Excerpt.quoted(username)
                + " - refused without verification: every password-verification thread is busy and the queue is full");
    }

    private Decision remembered(UserPolicy user, String password, PasswordHash hash) {
        defences.verified().rememberVerified(user.username(), password, hash);
        return authenticated(user, "");
    }

    private static Decision authenticated(UserPolicy user, String how) {
        return Decision.allowWithTags(Cause.PASSWORD_VERIFIED, user.tags(),
                "user " + Excerpt.quoted(user.username()) + " authenticated" + how);
    }

    private static Decision certificateLogin(Optional<UserPolicy> found, UserRequest request) {
        if (found.isEmpty()) {
            return Decision.deny(Cause.UNKNOWN_USER,
                    "user " + Excerpt.quoted(request.username()) + " - invalid credentials: unknown user");
        }
        UserPolicy user = found.get();
        return user.certificateLogin()
                ? Decision.allowWithTags(Cause.CERTIFICATE_LOGIN, user.tags(),
                        "user " + Excerpt.quoted(user.username()) + " authenticated by certificate")
                : Decision.deny(Cause.NO_CERTIFICATE_LOGIN, "user " + Excerpt.quoted(user.username())
                        + " - invalid credentials: no password supplied and user is not marked for certificate login");
    }

    /** A new dummy hash (new salt) and new keys for both credential caches. */
    @Override
    public void reseed() {
        dummy = dummies.get();
        verifications.reseed();
        defences.verified().reseed();
        defences.refused().reseed();
    }
}
