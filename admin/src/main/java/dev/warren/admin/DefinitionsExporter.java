package dev.warren.admin;

import dev.warren.definitions.Definitions;
import dev.warren.password.PasswordHash;
import dev.warren.policy.TopicPermission;
import dev.warren.policy.UserPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The stores as a definitions export: users with their hash exactly as stored (algorithm and
 * text), tags, warren's flags, permissions and topic permissions. Vhosts are not stored by
 * warren: they are the vhosts that some permission or topic permission names.
 */
final class DefinitionsExporter {

    private DefinitionsExporter() {
    }

    static Definitions export(List<UserPolicy> stored, Function<UserPolicy, Optional<PasswordHash>> hashes) {
        List<Definitions.User> users = new ArrayList<>();
        List<Definitions.Permission> permissions = new ArrayList<>();
        List<Definitions.TopicPermissionEntry> topics = new ArrayList<>();
        TreeSet<String> vhosts = new TreeSet<>();
        for (UserPolicy user : stored) {
            users.add(new Definitions.User(user.username(), hashes.apply(user), user.tags(), user.certificateLogin(),
                    user.disabled()));
            new TreeMap<>(user.permissions()).forEach((vhost, triple) -> {
                permissions.add(new Definitions.Permission(user.username(), vhost, triple));
                vhosts.add(vhost);
            });
            user.topicPermissions().values().stream()
                    .sorted(Comparator.comparing(TopicPermission::vhost).thenComparing(TopicPermission::exchange))
                    .forEach(topic -> {
                        topics.add(new Definitions.TopicPermissionEntry(user.username(), topic));
                        vhosts.add(topic.vhost());
                    });
        }
        return new Definitions(users, List.copyOf(vhosts), permissions, topics);
    }
}
