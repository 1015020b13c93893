package dev.warren.store;

import dev.warren.policy.CacheOutcome;
import dev.warren.policy.UserPolicy;
import java.util.Objects;
import java.util.Optional;

/** The result of one user lookup: the policy (empty when the user does not exist) and how it was obtained. */
public record UserLookup(Optional<UserPolicy> user, CacheOutcome cache) {

    public UserLookup {
        Objects.requireNonNull(user);
        Objects.requireNonNull(cache);
    }

    /** A lookup answered by the store itself, with no cache in front. */
    public static UserLookup direct(Optional<UserPolicy> user) {
        return new UserLookup(user, CacheOutcome.NONE);
    }
}
