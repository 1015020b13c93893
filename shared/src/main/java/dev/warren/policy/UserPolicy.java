package dev.warren.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the decisions need to know about one user, except the password hash: tags,
 * flags, vhost permission triples and topic permissions. Immutable.
 *
 * @param secretId optional override of where the user's password hash lives
 */
public record UserPolicy(String username, List<String> tags, boolean disabled, boolean certificateLogin,
                         Map<String, PermissionTriple> permissions, Map<TopicKey, TopicPermission> topicPermissions,
                         Optional<String> secretId) {

    /** Identifies a topic permission: the vhost and the exchange. */
    public record TopicKey(String vhost, String exchange) {
        public TopicKey {
            Objects.requireNonNull(vhost);
            Objects.requireNonNull(exchange);
        }
    }

    public UserPolicy {
        Objects.requireNonNull(username);
        tags = List.copyOf(tags);
        permissions = Map.copyOf(permissions);
        topicPermissions = Map.copyOf(topicPermissions);
        Objects.requireNonNull(secretId);
    }

    public Optional<PermissionTriple> permissionsOn(String vhost) {
        return Optional.ofNullable(permissions.get(vhost));
    }

    public Optional<TopicPermission> topicPermission(String vhost, String exchange) {
        return Optional.ofNullable(topicPermissions.get(new TopicKey(vhost, exchange)));
    }
}
