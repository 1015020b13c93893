package dev.warren.service;

import dev.warren.policy.AccessPolicy;
import dev.warren.policy.AuthRequest;
import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.AuthRequest.VhostRequest;
import dev.warren.policy.Decision;
import dev.warren.policy.UserPolicy;
import dev.warren.store.PolicyStore;
import java.util.Optional;

/**
 * Answers one typed question: looks the user up once, then applies the password check or the
 * access policy. Any failure of a store or of the code below becomes a deny with its reason.
 */
public final class AuthService {

    private final PolicyStore policies;
    private final Authenticator authenticator;
    private final AccessPolicy access;

    public AuthService(PolicyStore policies, Authenticator authenticator, AccessPolicy access) {
        this.policies = policies;
        this.authenticator = authenticator;
        this.access = access;
    }

    public Decision decide(AuthRequest request) {
        try {
            Optional<UserPolicy> user = policies.findUser(request.username());
            if (request instanceof UserRequest login) {
                return authenticator.authenticate(user, login);
            }
            if (user.isEmpty()) {
                return Decision.deny("unknown user '" + request.username() + "'");
            }
            return switch (request) {
                case VhostRequest vhost -> access.checkVhost(user.get(), vhost);
                case ResourceRequest resource -> access.checkResource(user.get(), resource);
                case TopicRequest topic -> access.checkTopic(user.get(), topic);
                case UserRequest login -> authenticator.authenticate(user, login);
            };
        } catch (RuntimeException e) {
            return Decision.deny("error: " + describe(e));
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
