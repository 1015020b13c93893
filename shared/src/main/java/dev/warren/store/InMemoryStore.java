package dev.warren.store;

import dev.warren.definitions.Definitions;
import dev.warren.password.PasswordHash;
import dev.warren.policy.UserPolicy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Policies and hashes held in memory, loaded once from a definitions file. Immutable. */
public final class InMemoryStore implements PolicyStore, PasswordHashStore {

    private final Map<String, UserPolicy> policies;
    private final Map<String, PasswordHash> hashes;

    public InMemoryStore(Definitions definitions) {
        this.policies = Map.copyOf(definitions.policies());
        Map<String, PasswordHash> found = new HashMap<>();
        for (Definitions.User user : definitions.users()) {
            user.hash().ifPresent(h -> found.put(user.name(), h));
        }
        this.hashes = Map.copyOf(found);
    }

    @Override
    public Optional<UserPolicy> findUser(String username) {
        return Optional.ofNullable(policies.get(username));
    }

    @Override
    public Optional<PasswordHash> findHash(UserPolicy user) {
        return Optional.ofNullable(hashes.get(user.username()));
    }
}
