package dev.warren.functions;

import dev.warren.password.PasswordHash;
import dev.warren.password.PasswordHasher;
import dev.warren.policy.PermissionTriple;
import dev.warren.policy.TopicPermission;
import dev.warren.policy.UserPolicy;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The made-up user that priming asks about: a fresh random password with a slow hash at the cost
 * of new passwords (so the snapshot holds compiled PBKDF2 code), tags, one vhost permission and one
 * topic permission. It exists only in the priming stores, never in the function's real ones.
 */
record PrimingUser(String username, String password, PasswordHash hash, List<String> tags) {

    static final String USERNAME = "warren-priming";
    static final String VHOST = "/";
    static final String QUEUE = "priming.queue";
    static final String EXCHANGE = "amq.topic";
    static final String ROUTING_KEY = "priming.key";

    /** A new user; costs one key derivation (priming only, never at init). */
    static PrimingUser create() {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().encodeToString(secret);
        return new PrimingUser(USERNAME, password, new PasswordHasher().hash(password), List.of("monitoring"));
    }

    UserPolicy policy() {
        TopicPermission topic = new TopicPermission(VHOST, EXCHANGE, "^priming\\.", ".*");
        return new UserPolicy(username, tags, false, false,
                Map.of(VHOST, new PermissionTriple("^priming\\.", "^priming\\.", "^priming\\.")),
                Map.of(new UserPolicy.TopicKey(VHOST, EXCHANGE), topic), Optional.empty());
    }
}
