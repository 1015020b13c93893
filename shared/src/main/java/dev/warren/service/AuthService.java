package dev.warren.service;

import dev.warren.policy.AccessPolicy;
import dev.warren.policy.AuthRequest;
import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.AuthRequest.VhostRequest;
import dev.warren.policy.CacheOutcome;
import dev.warren.policy.Cause;
import dev.warren.policy.Decision;
import dev.warren.policy.Excerpt;
import dev.warren.policy.UserPolicy;
import dev.warren.policy.ValueLimits;
import java.util.Optional;
import dev.warren.store.PolicyStore;
import dev.warren.store.StoreException;
import dev.warren.store.UserLookup;

/**
 * Answers one typed question: looks the user up once, then applies the password check or the
 * access policy. A store failure is a {@link Cause#STORE_ERROR} refusal, any other failure below an
 * {@link Cause#INTERNAL_ERROR} one; neither ever allows. A value longer than {@link ValueLimits} allow
 * is refused before the lookup, so it never reaches a store or a cache.
 */
public final class AuthService implements InstanceSecrets {

    private final PolicyStore policies;
    private final Authenticator authenticator;
    private final AccessPolicy access;

    public AuthService(PolicyStore policies, Authenticator authenticator, AccessPolicy access) {
        this.policies = policies;
        this.authenticator = authenticator;
        this.access = access;
    }

    /** The decision alone. */
    public Decision decide(AuthRequest request) {
        return answer(request).decision();
    }

    /** The decision and how the user's policy was obtained. */
    public Answer answer(AuthRequest request) {
        CacheOutcome cache = CacheOutcome.NONE;
        Optional<Decision> tooLong = ValueLimits.check(request);
        if (tooLong.isPresent()) {
            return new Answer(tooLong.get(), cache);
        }
        try {
            UserLookup lookup = policies.lookUp(request.username());
            cache = lookup.cache();
            return new Answer(decide(request, lookup), cache);
        } catch (StoreException e) {
            return new Answer(Decision.error(Cause.STORE_ERROR, describe(e)), cache);
        } catch (RuntimeException e) {
            return new Answer(Decision.error(Cause.INTERNAL_ERROR, describe(e)), cache);
        }
    }

    private Decision decide(AuthRequest request, UserLookup lookup) {
        if (lookup.user().isPresent() && lookup.user().get().disabled()) {
            return refuseDisabled(request, lookup.user().get());
        }
        if (request instanceof UserRequest login) {
            return authenticator.authenticate(lookup.user(), login);
        }
        if (lookup.user().isEmpty()) {
            return Decision.deny(Cause.UNKNOWN_USER, "unknown user " + Excerpt.quoted(request.username()));
        }
        UserPolicy user = lookup.user().get();
        return switch (request) {
            case VhostRequest vhost -> access.checkVhost(user, vhost);
            case ResourceRequest resource -> access.checkResource(user, resource);
            case TopicRequest topic -> access.checkTopic(user, topic);
            case UserRequest login -> authenticator.authenticate(lookup.user(), login);
        };
    }

    /** New per-instance secrets for everything below (after a SnapStart restore). */
    @Override
    public void reseed() {
        authenticator.reseed();
    }

    /** The one place the disabled flag is read: refused on every path (a login still pays one slow verification). */
    private Decision refuseDisabled(AuthRequest request, UserPolicy user) {
        if (request instanceof UserRequest login) {
            return authenticator.refuse(login, Cause.DISABLED,
                    "user " + Excerpt.quoted(user.username()) + " - invalid credentials: user is disabled");
        }
        return Decision.deny(Cause.DISABLED, "user " + Excerpt.quoted(user.username()) + " is disabled");
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
