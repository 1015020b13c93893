package dev.warren.service;

/**
 * Per-instance secrets: random keys and salts that must differ between running instances. A
 * Lambda SnapStart snapshot is restored into many instances, each starting with the memory of the
 * snapshot, so whatever holds such a secret implements this and makes new ones in
 * {@link #reseed()}, which the function calls after each restore (CRaC {@code afterRestore}).
 * Anything keyed by the old secret is forgotten with it.
 *
 * <p>{@link AuthService} reseeds everything below it ({@link Authenticator}, its
 * {@link CredentialCache}); a new keyed cache joins by implementing this interface and being
 * reseeded by its owner.
 */
@FunctionalInterface
public interface InstanceSecrets {

    /** Replaces every per-instance secret with a fresh random one; safe to call at any time. */
    void reseed();

    /** Reseeds each part in turn. */
    static InstanceSecrets all(InstanceSecrets... parts) {
        InstanceSecrets[] copy = parts.clone();
        return () -> {
            for (InstanceSecrets part : copy) {
                part.reseed();
            }
        };
    }
}
