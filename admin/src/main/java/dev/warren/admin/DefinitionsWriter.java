package dev.warren.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warren.definitions.Definitions;
import dev.warren.definitions.DefinitionsReader;
import dev.warren.password.HashingAlgorithm;

/**
 * Writes the access-control part of RabbitMQ's definitions JSON, in the shape
 * {@code rabbitmqctl export_definitions} uses: users ({@code password_hash} and
 * {@code hashing_algorithm} exactly as stored, tags as a list), vhosts, permissions and
 * topic_permissions, plus empty lists for what warren does not hold (queues, policies, ...).
 * warren's own user fields appear only when true. {@link DefinitionsReader} reads it back unchanged.
 */
public final class DefinitionsWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] EMPTY_SECTIONS = {
        "parameters", "global_parameters", "policies", "queues", "exchanges", "bindings"};

    private DefinitionsWriter() {
    }

    public static ObjectNode toJson(Definitions definitions) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode users = root.putArray("users");
        for (Definitions.User user : definitions.users()) {
            ObjectNode node = users.addObject();
            node.put("name", user.name());
            node.put("password_hash", user.hash().map(h -> h.encoded()).orElse(""));
            node.put("hashing_algorithm", user.hash().map(h -> h.algorithm()).orElse(HashingAlgorithm.DEFAULT)
                    .definitionsName());
            ArrayNode tags = node.putArray("tags");
            user.tags().forEach(tags::add);
            node.putObject("limits");
            if (user.certificateLogin()) {
                node.put(DefinitionsReader.CERTIFICATE_LOGIN_FIELD, true);
            }
            if (user.disabled()) {
                node.put(DefinitionsReader.DISABLED_FIELD, true);
            }
        }
        ArrayNode vhosts = root.putArray("vhosts");
        definitions.vhosts().forEach(v -> vhosts.addObject().put("name", v));
        ArrayNode permissions = root.putArray("permissions");
        for (Definitions.Permission p : definitions.permissions()) {
            permissions.addObject()
                    .put("user", p.user())
                    .put("vhost", p.vhost())
                    .put("configure", p.triple().configure())
                    .put("write", p.triple().write())
                    .put("read", p.triple().read());
        }
        ArrayNode topics = root.putArray("topic_permissions");
        for (Definitions.TopicPermissionEntry t : definitions.topicPermissions()) {
            topics.addObject()
                    .put("user", t.user())
                    .put("vhost", t.permission().vhost())
                    .put("exchange", t.permission().exchange())
                    .put("write", t.permission().write())
                    .put("read", t.permission().read());
        }
        for (String section : EMPTY_SECTIONS) {
            root.putArray(section);
        }
        return root;
    }

    /** Pretty-printed JSON text, ending with a newline. */
    public static String write(Definitions definitions) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(definitions)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write definitions JSON", e);
        }
    }
}
