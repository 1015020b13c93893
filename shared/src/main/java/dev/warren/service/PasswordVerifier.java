package dev.warren.service;

import dev.warren.password.PasswordHash;
import dev.warren.password.PasswordHasher;

/** Checks a password against a hash, or declines to when it has no capacity left. */
@FunctionalInterface
public interface PasswordVerifier {

    /** How a verification ended. */
    enum Outcome { MATCH, NO_MATCH, OVERLOADED }

    Outcome verify(String password, PasswordHash hash);

    /** On the caller's thread, never overloaded: for fast digests, tests and one-shot commands. */
    PasswordVerifier INLINE = (password, hash) ->
            PasswordHasher.verify(password, hash) ? Outcome.MATCH : Outcome.NO_MATCH;
}
