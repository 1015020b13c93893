package dev.warren.store;

import dev.warren.config.WarrenConfig;
import dev.warren.policy.UserPolicy;
import java.util.Optional;

/** A {@link PolicyStore} that remembers answers per user; see {@link StoreCache} for the rules. */
public final class CachingPolicyStore implements PolicyStore {

    private final PolicyStore delegate;
    private final StoreCache<String, UserPolicy> cache;

    public CachingPolicyStore(PolicyStore delegate, StoreCache<String, UserPolicy> cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    public static CachingPolicyStore over(PolicyStore delegate, WarrenConfig config) {
        return new CachingPolicyStore(delegate, new StoreCache<>("policy", config.policyTtl(), config.negativeTtl(),
                config.staleWindow(), config.cacheMaxEntries()));
    }

    @Override
    public Optional<UserPolicy> findUser(String username) {
        return lookUp(username).user();
    }

    @Override
    public UserLookup lookUp(String username) {
        StoreCache.Cached<UserPolicy> found = cache.lookUp(username, username, () -> delegate.findUser(username));
        return new UserLookup(found.value(), found.outcome());
    }
}
