package dev.warren.testing;

import dev.warren.definitions.Definitions;
import dev.warren.policy.AuthRequest;
import dev.warren.policy.Permission;
import dev.warren.policy.ResourceKind;
import dev.warren.service.AuthService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Many broker questions over one definitions file, to compare two decision services answer for answer. */
public final class DecisionMatrix {

    /** Passwords of the users in examples/definitions.json and {@link Fixtures}. */
    public static final Map<String, String> PASSWORDS = Map.of(
            "admin", "admin-secret", "app", "app-secret", "monitor", "monitor-secret", "legacy", "legacy-secret",
            "sensor-1", "sensor-secret", "josé", "pässwörd ✓", "off", "test12");

    private static final List<String> NAMES = List.of("app.q", "orders", "amq.default", "amq.topic", "legacy-x",
            "mqtt-subscription-1", "app.events", "");
    private static final List<String> ROUTING_KEYS = List.of("sensors.sensor-1.t", "orders.x", "app./.x",
            "commands.sensor-1.y", "");

    private DecisionMatrix() {
    }

    public static List<AuthRequest> requests(Definitions definitions) {
        Set<String> users = new LinkedHashSet<>();
        definitions.users().forEach(u -> users.add(u.name()));
        users.add("ghost");
        users.add("ADMIN");
        Set<String> vhosts = new LinkedHashSet<>(definitions.vhosts());
        vhosts.add("nowhere");
        List<AuthRequest> out = new ArrayList<>();
        for (String user : users) {
            out.add(new AuthRequest.UserRequest(user, Optional.ofNullable(PASSWORDS.get(user))));
            out.add(new AuthRequest.UserRequest(user, Optional.of("wrong")));
            out.add(new AuthRequest.UserRequest(user, Optional.of("")));
            out.add(new AuthRequest.UserRequest(user, Optional.empty()));
            for (String vhost : vhosts) {
                out.add(new AuthRequest.VhostRequest(user, vhost));
                for (ResourceKind kind : List.of(ResourceKind.QUEUE, ResourceKind.EXCHANGE)) {
                    for (String name : NAMES) {
                        for (Permission p : Permission.values()) {
                            out.add(new AuthRequest.ResourceRequest(user, vhost, kind, name, p));
                        }
                    }
                }
                for (String exchange : List.of("amq.topic", "app.events")) {
                    for (String key : ROUTING_KEYS) {
                        for (Permission p : List.of(Permission.WRITE, Permission.READ)) {
                            out.add(new AuthRequest.TopicRequest(user, vhost, exchange, p, key,
                                    Map.of("username", user, "vhost", vhost)));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** "request -> body | reason" lines, for a readable diff when two services disagree. */
    public static List<String> answers(AuthService service, List<AuthRequest> requests) {
        List<String> out = new ArrayList<>();
        for (AuthRequest request : requests) {
            var d = service.decide(request);
            out.add(request + " -> " + d.body() + " | " + d.reason().replace(" (cached)", ""));
        }
        return out;
    }
}
