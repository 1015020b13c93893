package dev.warren.store;

import dev.warren.policy.UserPolicy;
import java.util.Optional;

/** Where users' policies live: one lookup returns everything about one user. */
public interface PolicyStore {

    /**
     * @return the user's policy, or empty when the user does not exist
     * @throws StoreException when the store cannot answer
     */
    Optional<UserPolicy> findUser(String username);

    /**
     * The user's policy with how it was obtained; stores without a cache answer {@link UserLookup#direct}.
     *
     * @throws StoreException when the store cannot answer
     */
    default UserLookup lookUp(String username) {
        return UserLookup.direct(findUser(username));
    }
}
