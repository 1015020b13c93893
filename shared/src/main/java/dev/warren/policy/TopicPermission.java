package dev.warren.policy;

import java.util.Objects;
import java.util.Optional;

/** A user's write/read routing-key regexes for one topic exchange in one vhost. */
public record TopicPermission(String vhost, String exchange, String write, String read) {

    public TopicPermission {
        Objects.requireNonNull(vhost);
        Objects.requireNonNull(exchange);
        Objects.requireNonNull(write);
        Objects.requireNonNull(read);
    }

    /**
     * Topic permissions exist only for write and read. A stored {@code ''} is read as {@code ^$}
     * before its variables are expanded ({@link TopicExpansion}), as the broker does.
     */
    public Optional<String> regexFor(Permission permission) {
        return switch (permission) {
            case WRITE -> Optional.of(PermissionTriple.asRead(write));
            case READ -> Optional.of(PermissionTriple.asRead(read));
            case CONFIGURE -> Optional.empty();
        };
    }

    /** Whether a topic check can ask for {@code permission}: write and read only (the one statement of the rule). */
    public static boolean appliesTo(Permission permission) {
        return permission != Permission.CONFIGURE;
    }

    /** Why a topic check for {@code permission} is refused. */
    public static String notForTopics(Permission permission) {
        return "permission '" + permission.wireName() + "' does not apply to topics";
    }
}
