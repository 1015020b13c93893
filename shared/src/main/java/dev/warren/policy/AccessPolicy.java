package dev.warren.policy;

import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import dev.warren.policy.AuthRequest.VhostRequest;
import java.util.Optional;

/**
 * The authorisation decisions of RabbitMQ's internal backend over one user's policy: vhost,
 * resource and topic. Deny is the default; each allow is reached by one explicit condition.
 * Password checks live in {@link dev.warren.service.Authenticator}; a disabled user is refused
 * before either is asked ({@link dev.warren.service.AuthService}).
 */
public final class AccessPolicy {

    private final PermissionRegex regex;

    public AccessPolicy(PermissionRegex regex) {
        this.regex = regex;
    }

    /** Allow iff the user has a permission entry (any triple, even all-empty) on the vhost. */
    public Decision checkVhost(UserPolicy user, VhostRequest request) {
        if (user.permissionsOn(request.vhost()).isEmpty()) {
            return noPermissionsOnVhost(user, request.vhost());
        }
        return Decision.allow(Cause.VHOST_PERMITTED,
                "user " + Excerpt.quoted(user.username()) + " has permissions on vhost " + Excerpt.quoted(request.vhost()));
    }

    /** Unanchored match of the permission's regex against the resource name. */
    public Decision checkResource(UserPolicy user, ResourceRequest request) {
        Optional<PermissionTriple> triple = user.permissionsOn(request.vhost());
        if (triple.isEmpty()) {
            return noPermissionsOnVhost(user, request.vhost());
        }
        String permissionName = request.permission().wireName();
        String pattern = triple.get().regexFor(request.permission());
        String what = request.kind().wireName() + " " + Excerpt.quoted(request.name()) + " in vhost " + Excerpt.quoted(request.vhost());
        return decide(regex.match(pattern, request.name()), request.name(), permissionName + " regex " + Excerpt.quoted(pattern), what);
    }

    /**
     * No permission entry on the vhost: deny (the broker checks vhost access before any topic
     * check, so no broker outcome changes, and the answer no longer tells which users exist).
     * No topic permission for the exchange: allow. Otherwise the write/read regex, with
     * {@code {username}}, {@code {vhost}} and {@code {client_id}} replaced by the request's
     * variable values (inserted as they are, like the broker), is matched against the routing key.
     */
    public Decision checkTopic(UserPolicy user, TopicRequest request) {
        if (user.permissionsOn(request.vhost()).isEmpty()) {
            return noPermissionsOnVhost(user, request.vhost());
        }
        Optional<TopicPermission> topic = user.topicPermission(request.vhost(), request.exchange());
        if (topic.isEmpty()) {
            return Decision.allow(Cause.NO_TOPIC_PERMISSION, "no topic permissions for exchange "
                    + Excerpt.quoted(request.exchange()) + " in vhost " + Excerpt.quoted(request.vhost()));
        }
        Optional<String> pattern = topic.get().regexFor(request.permission());
        if (pattern.isEmpty()) {
            return Decision.deny(Cause.PERMISSION_NOT_FOR_TOPICS, TopicPermission.notForTopics(request.permission()));
        }
        String expanded = TopicExpansion.expand(pattern.get(), request.variables());
        boolean stored = expanded.equals(pattern.get()); // no variable in the pattern: the stored pattern itself
        String label = request.permission().wireName() + " regex " + Excerpt.quoted(expanded)
                + (stored ? "" : " (expanded from " + Excerpt.quoted(pattern.get()) + ")");
        String what = "routing key " + Excerpt.quoted(request.routingKey()) + " on topic exchange "
                + Excerpt.quoted(request.exchange()) + " in vhost " + Excerpt.quoted(request.vhost());
        RegexOutcome outcome = stored
                ? regex.match(expanded, request.routingKey())
                : regex.matchExpanded(expanded, request.routingKey());
        return decide(outcome, request.routingKey(), label, what);
    }

    private static Decision decide(RegexOutcome outcome, String subject, String label, String what) {
        return switch (outcome) {
            case MATCH -> Decision.allow(Cause.REGEX_MATCHED, label + " matches " + Excerpt.quoted(subject));
            case NO_MATCH -> Decision.deny(Cause.REGEX_NO_MATCH, label + " does not match " + Excerpt.quoted(subject) + " (" + what + ")");
            case INVALID -> Decision.deny(Cause.REGEX_INVALID, label + " does not compile (" + what + ")");
            case BUDGET_EXCEEDED -> Decision.deny(Cause.REGEX_BUDGET_EXCEEDED, label + " exceeded the evaluation budget against "
                    + Excerpt.quoted(subject) + " (" + what + ")");
        };
    }

    private static Decision noPermissionsOnVhost(UserPolicy user, String vhost) {
        return Decision.deny(Cause.NO_VHOST_PERMISSIONS,
                "no permissions on vhost " + Excerpt.quoted(vhost) + " for user " + Excerpt.quoted(user.username()));
    }
}
