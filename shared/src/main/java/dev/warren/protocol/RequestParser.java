package dev.warren.protocol;

import dev.warren.policy.AuthPath;
import dev.warren.policy.Excerpt;
import dev.warren.policy.AuthRequest;
import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.AuthRequest.VhostRequest;
import dev.warren.policy.Permission;
import dev.warren.policy.ResourceKind;
import dev.warren.policy.TopicPermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the broker's decoded parameters for one path into a typed request, or a rejection with
 * a reason. Parameter names are exact; a decision parameter given twice is rejected; parameters
 * the decision does not use (ip, tags, client_id on the user path...) are ignored.
 */
public final class RequestParser {

    private RequestParser() {
    }

    /** Either a request or the reason it was rejected. */
    public sealed interface ParseResult {
        record Parsed(AuthRequest request) implements ParseResult {
        }

        record Rejected(String reason, Optional<String> username) implements ParseResult {
        }
    }

    public static ParseResult parse(AuthPath path, Map<String, List<String>> params) {
        try {
            Params p = new Params(params);
            AuthRequest request = switch (path) {
                case USER -> new UserRequest(p.required("username"), p.optional("password"));
                case VHOST -> new VhostRequest(p.required("username"), p.required("vhost"));
                case RESOURCE -> new ResourceRequest(p.required("username"), p.required("vhost"),
                        resourceKind(p.required("resource")), p.required("name"),
                        permission(p.required("permission")));
                case TOPIC -> topic(p);
            };
            return new ParseResult.Parsed(request);
        } catch (Rejection r) {
            Optional<String> username = Optional.ofNullable(params.get("username"))
                    .filter(v -> v.size() == 1).map(v -> v.get(0));
            return new ParseResult.Rejected(r.getMessage(), username);
        }
    }

    private static TopicRequest topic(Params p) throws Rejection {
        String username = p.required("username");
        String vhost = p.required("vhost");
        String resource = p.required("resource");
        if (!resource.equals(ResourceKind.TOPIC.wireName())) {
            throw new Rejection("resource must be 'topic' on the topic path, got " + Excerpt.quoted(resource));
        }
        String exchange = p.required("name");
        Permission permission = permission(p.required("permission"));
        if (!TopicPermission.appliesTo(permission)) {
            throw new Rejection(TopicPermission.notForTopics(permission));
        }
        String routingKey = p.required("routing_key");
        Map<String, String> variables = new HashMap<>();
        for (String name : dev.warren.policy.TopicExpansion.VARIABLES) {
            p.optional("variable_map." + name).ifPresent(v -> variables.put(name, v));
        }
        return new TopicRequest(username, vhost, exchange, permission, routingKey, variables);
    }

    private static ResourceKind resourceKind(String value) throws Rejection {
        return ResourceKind.fromWire(value)
                .orElseThrow(() -> new Rejection("unknown resource " + Excerpt.quoted(value)));
    }

    private static Permission permission(String value) throws Rejection {
        return Permission.fromWire(value)
                .orElseThrow(() -> new Rejection("unknown permission " + Excerpt.quoted(value)));
    }

    private static final class Rejection extends Exception {
        Rejection(String message) {
            super(message, null, false, false);
        }
    }

    private record Params(Map<String, List<String>> values) {
        String required(String name) throws Rejection {
            return optional(name).orElseThrow(() -> new Rejection("missing parameter '" + name + "'"));
        }

        Optional<String> optional(String name) throws Rejection {
            List<String> found = values.get(name);
            if (found == null || found.isEmpty()) {
                return Optional.empty();
            }
            if (found.size() > 1) {
                throw new Rejection("parameter '" + name + "' given " + found.size() + " times");
            }
            return Optional.of(found.get(0));
        }
    }
}
