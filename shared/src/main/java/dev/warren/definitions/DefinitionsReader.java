package dev.warren.definitions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warren.password.PasswordHash;
import dev.warren.policy.PermissionTriple;
import dev.warren.policy.TopicPermission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code rabbitmqctl export_definitions} JSON: users (tags as a list or a comma string,
 * {@code hashing_algorithm} optional, empty {@code password_hash} for passwordless users),
 * vhosts, permissions and topic_permissions. Unknown fields are ignored; a malformed entry is
 * rejected with a message naming it. Like the broker's import, permissions must name a known
 * user and vhost.
 */
public final class DefinitionsReader {

    public static final String CERTIFICATE_LOGIN_FIELD = "warren_certificate_login";
    public static final String DISABLED_FIELD = "warren_disabled";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DefinitionsReader() {
    }

    public static Definitions read(Path file) throws DefinitionsException {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new DefinitionsException("cannot read definitions file " + file + ": " + e.getMessage(), e);
        }
    }

    public static Definitions parse(String json) throws DefinitionsException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DefinitionsException("definitions are not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DefinitionsException("definitions must be a JSON object");
        }
        List<Definitions.User> users = new ArrayList<>();
        Set<String> userNames = new HashSet<>();
        for (JsonNode node : array(root, "users")) {
            Definitions.User user = user(node, users.size());
            if (!userNames.add(user.name())) {
                throw new DefinitionsException("users[" + users.size() + "]: duplicate user '" + user.name() + "'");
            }
            users.add(user);
        }
        List<String> vhosts = new ArrayList<>();
        for (JsonNode node : array(root, "vhosts")) {
            vhosts.add(text(node, "name", "vhosts[" + vhosts.size() + "]"));
        }
        Set<String> vhostNames = new HashSet<>(vhosts);
        List<Definitions.Permission> permissions = new ArrayList<>();
        for (JsonNode node : array(root, "permissions")) {
            String where = "permissions[" + permissions.size() + "]";
            String user = known(text(node, "user", where), userNames, "user", where);
            String vhost = known(text(node, "vhost", where), vhostNames, "vhost", where);
            permissions.add(new Definitions.Permission(user, vhost, new PermissionTriple(
                    text(node, "configure", where), text(node, "write", where), text(node, "read", where))));
        }
        List<Definitions.TopicPermissionEntry> topics = new ArrayList<>();
        for (JsonNode node : array(root, "topic_permissions")) {
            String where = "topic_permissions[" + topics.size() + "]";
            String user = known(text(node, "user", where), userNames, "user", where);
            String vhost = known(text(node, "vhost", where), vhostNames, "vhost", where);
            topics.add(new Definitions.TopicPermissionEntry(user, new TopicPermission(vhost,
                    text(node, "exchange", where), text(node, "write", where), text(node, "read", where))));
        }
        return new Definitions(users, vhosts, permissions, topics);
    }

    private static Definitions.User user(JsonNode node, int index) throws DefinitionsException {
        String where = "users[" + index + "]";
        String name = text(node, "name", where);
        where = where + " ('" + name + "')";
        String hashText = optionalText(node, "password_hash", where).orElse("");
        String algorithm = optionalText(node, "hashing_algorithm", where).orElse(null);
        Optional<PasswordHash> hash = Optional.empty();
        if (!hashText.isEmpty()) {
            try {
                hash = Optional.of(PasswordHash.of(algorithm, hashText));
            } catch (IllegalArgumentException e) {
                throw new DefinitionsException(where + ": " + e.getMessage());
            }
        }
        return new Definitions.User(name, hash, tags(node.get("tags"), where),
                flag(node, CERTIFICATE_LOGIN_FIELD, where), flag(node, DISABLED_FIELD, where));
    }

    /** RabbitMQ writes tags as a list (3.9+) or a comma-separated string (older exports). */
    private static List<String> tags(JsonNode tags, String where) throws DefinitionsException {
        List<String> out = new ArrayList<>();
        if (tags == null || tags.isNull()) {
            return out;
        }
        if (tags.isTextual()) {
            for (String tag : tags.asText().split(",")) {
                if (!tag.strip().isEmpty()) {
                    out.add(tag.strip());
                }
            }
            return out;
        }
        if (!tags.isArray()) {
            throw new DefinitionsException(where + ": 'tags' must be a list or a comma-separated string");
        }
        for (JsonNode tag : tags) {
            if (!tag.isTextual()) {
                throw new DefinitionsException(where + ": every tag must be a string");
            }
            out.add(tag.asText());
        }
        return out;
    }

    private static boolean flag(JsonNode node, String field, String where) throws DefinitionsException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new DefinitionsException(where + ": '" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) throws DefinitionsException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new DefinitionsException("'" + field + "' must be a list");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject()) {
                throw new DefinitionsException(field + "[" + i + "]: must be an object");
            }
        }
        return node;
    }

    private static String text(JsonNode node, String field, String where) throws DefinitionsException {
        return optionalText(node, field, where)
                .orElseThrow(() -> new DefinitionsException(where + ": missing '" + field + "'"));
    }

    private static Optional<String> optionalText(JsonNode node, String field, String where)
            throws DefinitionsException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new DefinitionsException(where + ": '" + field + "' must be a string");
        }
        return Optional.of(value.asText());
    }

    private static String known(String value, Set<String> names, String kind, String where)
            throws DefinitionsException {
        if (!names.contains(value)) {
            throw new DefinitionsException(where + ": no such " + kind + " '" + value + "'");
        }
        return value;
    }
}
