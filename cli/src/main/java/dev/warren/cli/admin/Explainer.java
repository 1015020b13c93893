package dev.warren.cli.admin;

import dev.warren.policy.AuthRequest;
import dev.warren.policy.Decision;
import dev.warren.policy.Permission;
import dev.warren.policy.PermissionRegex;
import dev.warren.policy.PermissionTriple;
import dev.warren.policy.ResourceKind;
import dev.warren.policy.TopicExpansion;
import dev.warren.policy.TopicPermission;
import dev.warren.policy.UserPolicy;
import dev.warren.service.AuthService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays what the broker asks for one client action, through the real decision service, and
 * says why it was refused and what command would fix it. The decisions and their reasons come
 * from {@link AuthService} (the code the functions run); this class only orders the questions as
 * the broker does (login, vhost, resource, topic), stops at the first deny, and adds the broker's
 * log line, the cause and the fix.
 */
final class Explainer {

    /** What to check. {@code password} empty and {@code certificate} false: the login is not checked. */
    record Query(String user, Optional<String> password, boolean certificate, String vhost,
                 Optional<ResourceQuery> resource, Optional<TopicQuery> topic) {

        /** Never print the password. */
        @Override
        public String toString() {
            return "Query[user=" + user + ", vhost=" + vhost + "]";
        }
    }

    record ResourceQuery(ResourceKind kind, String name, Permission permission) {
    }

    record TopicQuery(String exchange, String routingKey, Permission permission, Optional<String> clientId) {
    }

    enum Result { allow, deny, skipped }

    /** One question the broker would ask, and warren's answer. */
    record Step(String check, Result result, String reason) {
    }

    /** Why access was refused, with an operator's description. */
    enum Cause {
        unknown_user, wrong_password, no_password, user_disabled, no_certificate_login, no_vhost_permissions,
        regex_does_not_match, regex_does_not_compile, regex_budget_exceeded, other
    }

    record Explanation(Query query, List<Step> steps, boolean allowed, Optional<String> brokerLog,
                       Optional<Cause> cause, Optional<String> explanation, List<String> fixes, List<String> notes) {
    }

    /** A store failure: the decision service answered "deny" with an error, not a policy reason. */
    static final class StoreFailure extends RuntimeException {
        StoreFailure(String message) {
            super(message);
        }
    }

    private final AuthService service;

    Explainer(AuthService service) {
        this.service = service;
    }

    /** @param policy the user's policy as stored (for the fix), empty when unknown */
    Explanation explain(Query q, Optional<UserPolicy> policy) {
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (q.password().isPresent() || q.certificate()) {
            Decision login = decide(new AuthRequest.UserRequest(q.user(), q.password()));
            steps.add(new Step("login", result(login), login.reason()));
            if (!login.allowed()) {
                return denied(q, steps, policy, "login", login, notes);
            }
        } else {
            steps.add(new Step("login", Result.skipped,
                    "password not checked (give --password-stdin, or --certificate for an x.509 login)"));
        }
        Decision vhost = decide(new AuthRequest.VhostRequest(q.user(), q.vhost()));
        steps.add(new Step("vhost", result(vhost), vhost.reason()));
        if (!vhost.allowed()) {
            return denied(q, steps, policy, "vhost", vhost, notes);
        }
        if (q.resource().isPresent()) {
            ResourceQuery r = q.resource().get();
            Decision d = decide(new AuthRequest.ResourceRequest(q.user(), q.vhost(), r.kind(), r.name(), r.permission()));
            steps.add(new Step("resource", result(d), d.reason()));
            if (!d.allowed()) {
                return denied(q, steps, policy, "resource", d, notes);
            }
        }
        if (q.topic().isPresent()) {
            TopicQuery t = q.topic().get();
            Decision exchange = decide(new AuthRequest.ResourceRequest(q.user(), q.vhost(), ResourceKind.EXCHANGE,
                    t.exchange(), t.permission()));
            steps.add(new Step("resource", result(exchange), exchange.reason()));
            if (!exchange.allowed()) {
                return denied(q, steps, policy, "resource", exchange, notes);
            }
            Map<String, String> variables = new HashMap<>();
            variables.put("username", q.user());
            variables.put("vhost", q.vhost());
            t.clientId().ifPresent(id -> variables.put("client_id", id));
            notes.add("topic variables: username='" + q.user() + "', vhost='" + q.vhost() + "'"
                    + t.clientId().map(id -> ", client_id='" + id + "'").orElse(""));
            Decision d = decide(new AuthRequest.TopicRequest(q.user(), q.vhost(), t.exchange(), t.permission(),
                    t.routingKey(), variables));
            steps.add(new Step("topic", result(d), d.reason()));
            if (!d.allowed()) {
                return denied(q, steps, policy, "topic", d, notes);
            }
        }
        return new Explanation(q, steps, true, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), notes);
    }

    private Decision decide(AuthRequest request) {
        Decision d = service.decide(request);
        if (d.isError()) {
            throw new StoreFailure(d.reason());
        }
        return d;
    }

    private static Result result(Decision d) {
        return d.allowed() ? Result.allow : Result.deny;
    }

    private Explanation denied(Query q, List<Step> steps, Optional<UserPolicy> policy, String check,
                               Decision decision, List<String> notes) {
        String reason = decision.reason();
        String user = q.user();
        List<String> fixes = new ArrayList<>();
        Cause cause;
        String why;
        String log;
        if (check.equals("login")) {
            log = "Login was refused for user '" + user + "'. Wrong password or unknown user."
                    + " (client: ACCESS_REFUSED - Login was refused using authentication mechanism "
                    + (q.certificate() ? "EXTERNAL" : "PLAIN") + ")";
        } else if (check.equals("vhost")) {
            log = "access to vhost '" + q.vhost() + "' refused for user '" + user + "'";
        } else if (check.equals("resource")) {
            ResourceQuery r = q.resource().orElseGet(() -> new ResourceQuery(ResourceKind.EXCHANGE,
                    q.topic().get().exchange(), q.topic().get().permission()));
            log = r.permission().wireName() + " access to " + r.kind().wireName() + " '" + r.name() + "' in vhost '"
                    + q.vhost() + "' refused for user '" + user + "'";
        } else {
            TopicQuery t = q.topic().get();
            log = t.permission().wireName() + " access to topic '" + t.routingKey() + "' in exchange '" + t.exchange()
                    + "' in vhost '" + q.vhost() + "' refused for user '" + user + "'";
        }
        switch (decision.cause()) {
            case UNKNOWN_USER -> {
                cause = Cause.unknown_user;
                why = "there is no user '" + user + "' (usernames are case-sensitive)";
                fixes.add(Output.command("warren", "add_user", user));
                fixes.add(grantVhost(q));
            }
            case DISABLED -> {
                cause = Cause.user_disabled;
                why = "user '" + user + "' is disabled (warren_disabled)";
                fixes.add(Output.command("warren", "export_definitions", "users.json")
                        + "   # then remove \"warren_disabled\": true from user " + Output.shellQuote(user));
                fixes.add(Output.command("warren", "import_definitions", "users.json"));
            }
            case WRONG_PASSWORD, EMPTY_PASSWORD -> {
                cause = Cause.wrong_password;
                why = "the password does not match the hash stored for user '" + user + "'";
                fixes.add(Output.command("warren", "change_password", user)
                        + "   # or give the client the right password");
                fixes.add(Output.command("warren", "authenticate_user", user) + "   # checks a password, as the broker would");
            }
            case NO_PASSWORD_HASH -> {
                cause = Cause.no_password;
                why = "user '" + user + "' has no password hash (no secret), so no password can match";
                fixes.add(Output.command("warren", "change_password", user));
            }
            case NO_CERTIFICATE_LOGIN -> {
                cause = Cause.no_certificate_login;
                why = "the client sent no password (x.509/EXTERNAL login) and user '" + user
                        + "' is not marked for certificate login";
                fixes.add(Output.command("warren", "export_definitions", "users.json")
                        + "   # then add \"warren_certificate_login\": true to user " + Output.shellQuote(user));
                fixes.add(Output.command("warren", "import_definitions", "users.json"));
            }
            case NO_VHOST_PERMISSIONS -> {
                cause = Cause.no_vhost_permissions;
                why = "user '" + user + "' has no permissions on vhost '" + q.vhost() + "'"
                        + policy.filter(p -> !p.permissions().isEmpty())
                                .map(p -> " (it has some on: '" + String.join("', '", new java.util.TreeSet<>(
                                        p.permissions().keySet())) + "')").orElse("");
                fixes.add(grantVhost(q));
            }
            case REGEX_NO_MATCH -> {
                cause = Cause.regex_does_not_match;
                why = "the " + reason;
                fixes.add(widen(q, check, policy));
            }
            case REGEX_INVALID -> {
                cause = Cause.regex_does_not_compile;
                why = "the stored " + reason + "; a regex that does not compile denies";
                fixes.add(widen(q, check, policy));
            }
            case REGEX_BUDGET_EXCEEDED -> {
                cause = Cause.regex_budget_exceeded;
                why = "the " + reason + "; simplify the pattern";
                fixes.add(widen(q, check, policy));
            }
              default -> {
                cause = Cause.other;
                why = reason;
            }
        }
        return new Explanation(q, steps, false, Optional.of(log), Optional.of(cause), Optional.of(why), fixes, notes);
    }

    /** set_permissions for the vhost: exactly what the query needs, or the guide's '.*' for a plain connect. */
    private static String grantVhost(Query q) {
        String conf = ".*";
        String write = ".*";
        String read = ".*";
        String comment = "   # tighten the regexes for production";
        if (q.resource().isPresent() || q.topic().isPresent()) {
            Permission permission = q.resource().map(ResourceQuery::permission)
                    .orElseGet(() -> q.topic().get().permission());
            String name = q.resource().map(ResourceQuery::name).orElseGet(() -> q.topic().get().exchange());
            String exact = "^" + literal(name) + "$";
            conf = permission == Permission.CONFIGURE ? exact : "";
            write = permission == Permission.WRITE ? exact : "";
            read = permission == Permission.READ ? exact : "";
            comment = "   # just this " + (q.resource().isPresent() ? q.resource().get().kind().wireName() : "exchange");
        }
        return Output.command("warren", "set_permissions", "-p", q.vhost(), q.user(), conf, write, read) + comment;
    }

    /** The command that adds the refused name (or routing key) to the regex that refused it. */
    private static String widen(Query q, String check, Optional<UserPolicy> policy) {
        if (check.equals("topic")) {
            TopicQuery t = q.topic().get();
            TopicPermission old = policy.flatMap(p -> p.topicPermission(q.vhost(), t.exchange()))
                    .orElse(new TopicPermission(q.vhost(), t.exchange(), "", ""));
            String write = t.permission() == Permission.WRITE ? widen(old.write(), t.routingKey(), true) : old.write();
            String read = t.permission() == Permission.READ ? widen(old.read(), t.routingKey(), true) : old.read();
            return Output.command("warren", "set_topic_permissions", "-p", q.vhost(), q.user(), t.exchange(), write, read);
        }
        ResourceQuery r = q.resource().orElseGet(() -> new ResourceQuery(ResourceKind.EXCHANGE,
                q.topic().get().exchange(), q.topic().get().permission()));
        PermissionTriple old = policy.flatMap(p -> p.permissionsOn(q.vhost()))
                .orElse(new PermissionTriple("", "", ""));
        String conf = r.permission() == Permission.CONFIGURE ? widen(old.configure(), r.name(), false) : old.configure();
        String write = r.permission() == Permission.WRITE ? widen(old.write(), r.name(), false) : old.write();
        String read = r.permission() == Permission.READ ? widen(old.read(), r.name(), false) : old.read();
        return Output.command("warren", "set_permissions", "-p", q.vhost(), q.user(), conf, write, read);
    }

    /**
     * {@code old|^name$}, or {@code ^name$} when old is empty or does not compile (a topic regex
     * is compiled after its variables are replaced, as the decision does).
     */
    static String widen(String old, String name, boolean topic) {
        String exact = "^" + literal(name) + "$";
        String compiled = topic ? TopicExpansion.withSampleValues(old) : old;
        if (old.isEmpty() || PermissionRegex.compileError(compiled).isPresent()) {
            return exact;
        }
        return old + "|" + exact;
    }

    /** The text as a regex matching itself (same escaping in Java and PCRE). */
    static String literal(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
