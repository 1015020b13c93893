package dev.warren.cli.amqp;

import com.rabbitmq.client.impl.LongStringHelper;
import dev.warren.policy.AuthRequest;
import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.AuthRequest.VhostRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The headers rabbit_auth_backend_amqp would send for a request: every value a longstr. */
final class PluginHeaders {

    private PluginHeaders() {
    }

    static Map<String, Object> of(AuthRequest request) {
        Map<String, String> h = new LinkedHashMap<>();
        switch (request) {
            case UserRequest u -> {
                h.put("action", "login");
                h.put("username", u.username());
                u.password().ifPresent(p -> h.put("password", p));
            }
            case VhostRequest v -> {
                h.put("action", "check_vhost");
                h.put("username", v.username());
                h.put("vhost", v.vhost());
                h.put("ip", "127.0.0.1");
            }
            case ResourceRequest r -> {
                h.put("action", "check_resource");
                h.put("username", r.username());
                h.put("vhost", r.vhost());
                h.put("resource", r.kind().wireName());
                h.put("name", r.name());
                h.put("permission", r.permission().wireName());
            }
            case TopicRequest t -> {
                h.put("action", "check_topic");
                h.put("username", t.username());
                h.put("vhost", t.vhost());
                h.put("resource", "topic");
                h.put("name", t.exchange());
                h.put("permission", t.permission().wireName());
                h.put("routing_key", t.routingKey());
                t.variables().forEach((k, v) -> h.put("variable_map." + k, v));
            }
        }
        return longStrings(h);
    }

    static Map<String, Object> longStrings(Map<String, String> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, LongStringHelper.asLongString(v)));
        return out;
    }
}
