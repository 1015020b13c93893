package dev.warren.definitions;

import dev.warren.password.PasswordHash;
import dev.warren.policy.PermissionTriple;
import dev.warren.policy.TopicExpansion;
import dev.warren.policy.TopicPermission;
import dev.warren.policy.UserPolicy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The access-control part of a RabbitMQ definitions export: users, vhosts, permissions. */
public record Definitions(List<User> users, List<String> vhosts, List<Permission> permissions,
                          List<TopicPermissionEntry> topicPermissions) {

    /**
     * One user. {@code hash} is empty for a passwordless user. {@code certificateLogin} and
     * {@code disabled} come from warren's own fields, which RabbitMQ ignores on import.
     */
    public record User(String name, Optional<PasswordHash> hash, List<String> tags, boolean certificateLogin,
                       boolean disabled) {
        public User {
            tags = List.copyOf(tags);
        }
    }

    public record Permission(String user, String vhost, PermissionTriple triple) {
    }

    public record TopicPermissionEntry(String user, TopicPermission permission) {
    }

    public Definitions {
        users = List.copyOf(users);
        vhosts = List.copyOf(vhosts);
        permissions = List.copyOf(permissions);
        topicPermissions = List.copyOf(topicPermissions);
    }

    /**
     * What will deny every check that meets it, one line per problem: a regex that does not compile
     * (RabbitMQ would refuse such a file; warren loads it and denies, and says so here).
     */
    public List<String> warnings() {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < permissions.size(); i++) {
            Permission p = permissions.get(i);
            String where = "permissions[" + i + "] (user '" + p.user() + "', vhost '" + p.vhost() + "')";
            regexWarning(out, where, "configure", p.triple().configure());
            regexWarning(out, where, "write", p.triple().write());
            regexWarning(out, where, "read", p.triple().read());
        }
        for (int i = 0; i < topicPermissions.size(); i++) {
            TopicPermissionEntry t = topicPermissions.get(i);
            String where = "topic_permissions[" + i + "] (user '" + t.user() + "', vhost '" + t.permission().vhost()
                    + "', exchange '" + t.permission().exchange() + "')";
            regexWarning(out, where, "write", TopicExpansion.withSampleValues(t.permission().write()));
            regexWarning(out, where, "read", TopicExpansion.withSampleValues(t.permission().read()));
        }
        return out;
    }

    private static void regexWarning(List<String> out, String where, String which, String regex) {
        dev.warren.policy.PermissionRegex.compileError(regex).ifPresent(error -> out.add(where + ": " + which
                + " regex '" + regex + "' cannot be used: " + error + "; every " + which + " check against it"
                + " will be denied"));
    }

    /** Every user's policy, keyed by name, in file order. */
    public Map<String, UserPolicy> policies() {
        Map<String, Map<String, PermissionTriple>> triples = new HashMap<>();
        for (Permission p : permissions) {
            triples.computeIfAbsent(p.user(), k -> new HashMap<>()).put(p.vhost(), p.triple());
        }
        Map<String, Map<UserPolicy.TopicKey, TopicPermission>> topics = new HashMap<>();
        for (TopicPermissionEntry t : topicPermissions) {
            topics.computeIfAbsent(t.user(), k -> new HashMap<>())
                    .put(new UserPolicy.TopicKey(t.permission().vhost(), t.permission().exchange()), t.permission());
        }
        Map<String, UserPolicy> out = new LinkedHashMap<>();
        for (User u : users) {
            out.put(u.name(), new UserPolicy(u.name(), u.tags(), u.disabled(), u.certificateLogin(),
                    triples.getOrDefault(u.name(), Map.of()), topics.getOrDefault(u.name(), Map.of()),
                    Optional.empty()));
        }
        return out;
    }
}
