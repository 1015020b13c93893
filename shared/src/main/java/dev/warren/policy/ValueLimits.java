package dev.warren.policy;

import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.AuthRequest.VhostRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Upper bounds, in UTF-8 bytes, on every value a decision reads, taken from what RabbitMQ and
 * warren's store can carry (docs/security.md). A longer value cannot name anything that exists, so
 * refusing it changes no answer; it is refused before any lookup, so it is never cached.
 */
public final class ValueLimits {

    /** AMQP 0-9-1 short string: vhost, queue and exchange names. */
    public static final int SHORT_STRING = 255;
    /** DynamoDB's 2,048-byte partition key minus {@code USER#}: no longer name can be stored. */
    public static final int USERNAME = 2_043;
    /** MQTT's 2-byte length prefix: topic names (routing keys), client ids and passwords. */
    public static final int MQTT_STRING = 65_535;

    private static final Map<String, Integer> VARIABLES = Map.of(
            "username", USERNAME, "vhost", SHORT_STRING, "client_id", MQTT_STRING);

    private ValueLimits() {
    }

    /** A {@link Cause#VALUE_TOO_LONG} refusal naming the first value over its bound, or empty. */
    public static Optional<Decision> check(AuthRequest request) {
        Optional<Decision> username = limit("username", request.username(), USERNAME);
        if (username.isPresent()) {
            return username;
        }
        return switch (request) {
            case UserRequest login -> login.password().flatMap(p -> limit("password", p, MQTT_STRING));
            case VhostRequest vhost -> limit("vhost", vhost.vhost(), SHORT_STRING);
            case ResourceRequest resource -> first(limit("vhost", resource.vhost(), SHORT_STRING),
                    limit("name", resource.name(), SHORT_STRING));
            case TopicRequest topic -> first(limit("vhost", topic.vhost(), SHORT_STRING),
                    limit("name", topic.exchange(), SHORT_STRING),
                    limit("routing_key", topic.routingKey(), MQTT_STRING),
                    variables(topic.variables()));
        };
    }

    private static Optional<Decision> variables(Map<String, String> values) {
        for (Map.Entry<String, String> v : values.entrySet()) {
            Optional<Decision> over = limit("variable_map." + v.getKey(), v.getValue(),
                    VARIABLES.getOrDefault(v.getKey(), SHORT_STRING));
            if (over.isPresent()) {
                return over;
            }
        }
        return Optional.empty();
    }

    @SafeVarargs
    private static Optional<Decision> first(Optional<Decision>... checks) {
        for (Optional<Decision> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }

    private static Optional<Decision> limit(String field, String value, int maxBytes) {
        // a char is at most 3 UTF-8 bytes: skip the encoding for values that are surely short
        if (value.length() * 3L <= maxBytes) {
            return Optional.empty();
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= maxBytes) {
            return Optional.empty();
        }
        return Optional.of(Decision.deny(Cause.VALUE_TOO_LONG,
                field + " is " + bytes + " bytes, more than the " + maxBytes + " allowed"));
    }
}
