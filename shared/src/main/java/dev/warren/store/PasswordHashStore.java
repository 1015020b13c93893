package dev.warren.store;

import dev.warren.password.PasswordHash;
import dev.warren.policy.UserPolicy;
import java.util.Optional;

/** Where password hashes live (never beside the permissions). */
public interface PasswordHashStore {

    /**
     * @return the user's hash, or empty when the user has none (passwordless user)
     * @throws StoreException when the store cannot answer or the stored hash is malformed
     */
    Optional<PasswordHash> findHash(UserPolicy user);
}
