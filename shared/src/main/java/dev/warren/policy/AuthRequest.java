package dev.warren.policy;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A parsed, typed question from the broker. Values are exactly as decoded. */
public sealed interface AuthRequest {

    String username();

    AuthPath path();

    /** user path: password absent means a certificate (EXTERNAL) login. */
    record UserRequest(String username, Optional<String> password) implements AuthRequest {
        public UserRequest {
            Objects.requireNonNull(username);
            Objects.requireNonNull(password);
        }

        @Override
        public AuthPath path() {
            return AuthPath.USER;
        }

        /** Never print the password. */
        @Override
        public String toString() {
            return "UserRequest[username=" + username + ", password=" + (password.isPresent() ? "<present>" : "<absent>") + "]";
        }
    }

    record VhostRequest(String username, String vhost) implements AuthRequest {
        public VhostRequest {
            Objects.requireNonNull(username);
            Objects.requireNonNull(vhost);
        }

        @Override
        public AuthPath path() {
            return AuthPath.VHOST;
        }
    }

    record ResourceRequest(String username, String vhost, ResourceKind kind, String name, Permission permission)
            implements AuthRequest {
        public ResourceRequest {
            Objects.requireNonNull(username);
            Objects.requireNonNull(vhost);
            Objects.requireNonNull(kind);
            Objects.requireNonNull(name);
            Objects.requireNonNull(permission);
        }

        @Override
        public AuthPath path() {
            return AuthPath.RESOURCE;
        }
    }

    /** Topic check; {@code variables} maps variable names (username, vhost, client_id) to their values. */
    record TopicRequest(String username, String vhost, String exchange, Permission permission, String routingKey,
                        Map<String, String> variables) implements AuthRequest {
        public TopicRequest {
            Objects.requireNonNull(username);
            Objects.requireNonNull(vhost);
            Objects.requireNonNull(exchange);
            Objects.requireNonNull(permission);
            Objects.requireNonNull(routingKey);
            variables = Map.copyOf(variables);
        }

        @Override
        public AuthPath path() {
            return AuthPath.TOPIC;
        }
    }
}
