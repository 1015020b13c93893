package dev.warren.store;

import dev.warren.config.WarrenConfig;
import dev.warren.password.PasswordHash;
import dev.warren.policy.UserPolicy;
import java.util.Optional;

/**
 * A {@link PasswordHashStore} that remembers each user's hash; keyed by the user and where the
 * hash lives, so changing a profile's {@code secretId} takes effect with the policy's TTL.
 */
public final class CachingPasswordHashStore implements PasswordHashStore {

    /** A user and where the hash lives. */
    public record Key(String username, Optional<String> secretId) {
    }

    private final PasswordHashStore delegate;
    private final StoreCache<Key, PasswordHash> cache;

    public CachingPasswordHashStore(PasswordHashStore delegate, StoreCache<Key, PasswordHash> cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    public static CachingPasswordHashStore over(PasswordHashStore delegate, WarrenConfig config) {
        return new CachingPasswordHashStore(delegate, new StoreCache<>("password hash", config.secretTtl(),
                config.negativeTtl(), config.staleWindow(), config.cacheMaxEntries()));
    }

    @Override
    public Optional<PasswordHash> findHash(UserPolicy user) {
        return cache.get(new Key(user.username(), user.secretId()), user.username(), () -> delegate.findHash(user));
    }
}
