package dev.warren.cli.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warren.policy.Permission;
import dev.warren.policy.ResourceKind;
import dev.warren.policy.UserPolicy;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code warren explain}: why would the broker refuse this client? Runs the broker's questions
 * through the functions' decision code and prints each answer, the broker's log line, the cause
 * and the command that fixes it.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Explain an ACCESS_REFUSED: ask warren what the broker would ask for one client action"
                + " (login, vhost, resource or topic), with the same code the functions run, and print each"
                + " answer, the broker's log line, the cause and the command that fixes it.",
                "Exit 0 when allowed, 1 when denied, 2 on error."},
        footer = {"", "Examples:",
                "  echo \"$PW\" | warren explain --user app --password-stdin --vhost orders",
                "  warren explain --user app --vhost / --resource queue --name orders --permission configure",
                "  warren explain --definitions definitions.json --user app --vhost orders --resource queue --name billing"
                        + " --permission configure",
                "  warren explain --user sensor-1 --vhost iot --topic amq.topic --routing-key sensors.x.t --permission write"})
public final class ExplainCommand extends DecisionCommand {

    @Option(names = "--user", required = true, paramLabel = "U")
    String user;

    @Mixin
    PasswordStdinOption passwordStdin = new PasswordStdinOption();

    @Option(names = "--certificate", description = "Check an x.509 (EXTERNAL) login: no password.")
    boolean certificate;

    @Mixin
    VhostOption vhost = new VhostOption();

    @Option(names = "--resource", paramLabel = "queue|exchange|topic", description = "Check a resource permission.")
    String resource;

    @Option(names = "--name", paramLabel = "N", description = "The queue or exchange name (the default exchange is amq.default).")
    String name;

    @Option(names = "--topic", paramLabel = "EXCHANGE", description = "Check a topic permission on this exchange.")
    String topic;

    @Option(names = "--routing-key", paramLabel = "K")
    String routingKey;

    @Option(names = "--client-id", paramLabel = "ID", description = "MQTT client id, for {client_id} in topic regexes.")
    String clientId;

    @Option(names = "--permission", paramLabel = "configure|write|read")
    String permission;

    @Mixin
    FormatOption format = new FormatOption();

    @Override
    int decide(DecisionSource source) {
        Explainer.Query query = query();
        Optional<UserPolicy> policy = source.users().apply(user);
        Explainer.Explanation e = new Explainer(source.service()).explain(query, policy);
        if (format.json()) {
            printJson(e);
        } else {
            printTable(e);
        }
        return e.allowed() ? OK : FAILED;
    }

    private Explainer.Query query() {
        if (resource != null && topic != null) {
            throw new IllegalArgumentException("give either --resource or --topic, not both");
        }
        if (passwordStdin.fromStdin && certificate) {
            throw new IllegalArgumentException("give either --password-stdin or --certificate, not both");
        }
        if (user.isEmpty() || vhost.name().isEmpty()) {
            throw new IllegalArgumentException("--user and --vhost must not be empty");
        }
        Optional<Explainer.ResourceQuery> resourceQuery = Optional.empty();
        Optional<Explainer.TopicQuery> topicQuery = Optional.empty();
        if (resource != null) {
            ResourceKind kind = ResourceKind.fromWire(resource).orElseThrow(() ->
                    new IllegalArgumentException("--resource must be queue, exchange or topic, got '" + resource + "'"));
            if (name == null) {
                throw new IllegalArgumentException("--resource needs --name");
            }
            resourceQuery = Optional.of(new Explainer.ResourceQuery(kind, name, permission("configure, write or read")));
        } else if (topic != null) {
            if (routingKey == null) {
                throw new IllegalArgumentException("--topic needs --routing-key");
            }
            Permission p = permission("write or read");
            if (p == Permission.CONFIGURE) {
                throw new IllegalArgumentException("topic permissions are write or read, not configure");
            }
            topicQuery = Optional.of(new Explainer.TopicQuery(topic, routingKey, p, Optional.ofNullable(clientId)));
        } else if (name != null || routingKey != null || permission != null) {
            throw new IllegalArgumentException("--name, --routing-key and --permission go with --resource or --topic");
        }
        Optional<String> password = passwordStdin.fromStdin ? Optional.of(password(null, true, "")) : Optional.empty();
        return new Explainer.Query(user, password, certificate, vhost.name(), resourceQuery, topicQuery);
    }

    private Permission permission(String allowed) {
        if (permission == null) {
            throw new IllegalArgumentException("give --permission (" + allowed + ")");
        }
        return Permission.fromWire(permission).orElseThrow(() ->
                new IllegalArgumentException("--permission must be " + allowed + ", got '" + permission + "'"));
    }

    private String action(Explainer.Query q) {
        StringBuilder s = new StringBuilder("user '" + q.user() + "' on vhost '" + q.vhost() + "'");
        q.resource().ifPresent(r -> s.append(": ").append(r.permission().wireName()).append(' ')
                .append(r.kind().wireName()).append(" '").append(r.name()).append('\''));
        q.topic().ifPresent(t -> s.append(": ").append(t.permission().wireName()).append(" routing key '")
                .append(t.routingKey()).append("' on topic exchange '").append(t.exchange()).append('\''));
        return s.toString();
    }

    private void printTable(Explainer.Explanation e) {
        var out = out();
        out.println("Explaining " + action(e.query()));
        int n = 1;
        for (Explainer.Step step : e.steps()) {
            out.printf("  %d. %-9s %-8s %s%n", n++, step.check(), step.result(), step.reason());
        }
        e.notes().forEach(note -> out.println("     " + note));
        if (e.allowed()) {
            out.println("Decision: ALLOWED");
            return;
        }
        out.println("Decision: DENIED");
        e.brokerLog().ifPresent(log -> out.println("Broker log: " + log));
        e.cause().ifPresent(c -> out.println("Cause: " + c + ": " + e.explanation().orElse("")));
        if (!e.fixes().isEmpty()) {
            out.println("Fix:");
            e.fixes().forEach(f -> out.println("  " + f));
            if (definitions != null) {
                out.println("  (these change the AWS store; for " + definitions + ", change the same entry in the file)");
            }
        }
    }

    private void printJson(Explainer.Explanation e) {
        ObjectNode root = Output.JSON.createObjectNode();
        ObjectNode request = root.putObject("request").put("user", e.query().user()).put("vhost", e.query().vhost())
                .put("password_checked", e.query().password().isPresent()).put("certificate", e.query().certificate());
        e.query().resource().ifPresent(r -> request.put("resource", r.kind().wireName()).put("name", r.name())
                .put("permission", r.permission().wireName()));
        e.query().topic().ifPresent(t -> {
            request.put("topic", t.exchange()).put("routing_key", t.routingKey())
                    .put("permission", t.permission().wireName());
            t.clientId().ifPresent(id -> request.put("client_id", id));
        });
        root.put("allowed", e.allowed());
        ArrayNode steps = root.putArray("steps");
        for (Explainer.Step step : e.steps()) {
            steps.addObject().put("check", step.check()).put("result", step.result().name()).put("reason", step.reason());
        }
        ArrayNode notes = root.putArray("notes");
        e.notes().forEach(notes::add);
        e.brokerLog().ifPresent(log -> root.put("broker_log", log));
        e.cause().ifPresent(c -> root.put("cause", c.name()));
        e.explanation().ifPresent(x -> root.put("explanation", x));
        ArrayNode fixes = root.putArray("fix");
        e.fixes().forEach(fixes::add);
        Output.json(out(), root);
    }
}
