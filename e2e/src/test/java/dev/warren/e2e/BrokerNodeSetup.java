package dev.warren.e2e;

import static dev.warren.e2e.BrokerNode.Backend.AMQP;
import static dev.warren.e2e.BrokerNode.Backend.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Brings a started broker node to where the scenarios begin: the oracle holds the definitions'
 * users and permissions, warren's nodes only its vhosts (and no users at all); then the exchanges
 * and queues the scenarios use are declared by admin.
 */
final class BrokerNodeSetup {
    /** Deletes guest, then prints {auth_backends, http_method, user_path, cached_backend, cache_ttl, users, vhosts, auth_amqp.timeout}. */
    static final String NODE_PROBE = "catch rabbit_auth_backend_internal:delete_user(<<\"guest\">>, <<\"warren-e2e\">>),"
            + " {application:get_env(rabbit, auth_backends),"
            + " application:get_env(rabbitmq_auth_backend_http, http_method),"
            + " application:get_env(rabbitmq_auth_backend_http, user_path),"
            + " application:get_env(rabbitmq_auth_backend_cache, cached_backend),"
            + " application:get_env(rabbitmq_auth_backend_cache, cache_ttl),"
            + " [proplists:get_value(user, U) || U <- rabbit_auth_backend_internal:list_users()],"
            + " rabbit_vhost:list_names(),"
            + " application:get_env(rabbitmq_auth_backend_amqp, timeout)}.";

    /** A log line the node prints to rabbitmqctl's output, e.g. {@code 12:05:01.719 [warning] ...}. */
    private static final Pattern LOG_LINE = Pattern.compile("\\s*\\d{2}:\\d{2}:\\d{2}\\.\\d+ \\[[a-z]+\\] .*");
    private static final int FIXTURE_LOGIN_ATTEMPTS = 3;

    private final Path definitions;
    private final AmqpPlugin amqpPlugin;

    BrokerNodeSetup(Path definitions, AmqpPlugin amqpPlugin) {
        this.definitions = definitions;
        this.amqpPlugin = amqpPlugin;
    }

    /**
     * Starts the node and imports its definitions; returns what {@link #NODE_PROBE} printed there.
     *
     * @param description the node's profile and, for warren's nodes, which warren it asks (for the log)
     */
    String prepare(BrokerNode node, String description) {
        long t0 = System.nanoTime();
        if (node.profile.backend() == AMQP) {
            amqpPlugin.build();
        }
        node.start();
        System.out.printf("[e2e] started %s in %.1f s%n", description + " " + node.nodeName + " amqp=127.0.0.1:"
                + node.amqpPort, (System.nanoTime() - t0) / 1e9);
        node.ctl("import_definitions", definitionsFor(node).toString()).orThrow();
        // No default guest user: on warren's nodes the internal database then holds no users at all,
        // so any successful login there can only have come from warren. The same call records the
        // node's effective auth settings, users and vhosts for BrokerSetupTest (one CLI run, not six).
        // rabbitmqctl may print the node's log lines (e.g. "12:05:01.719 [warning] Failed to delete
        // user 'guest'...") before the term: keep only the term.
        String info = node.ctl("eval", NODE_PROBE).orThrow().output().lines()
                .filter(line -> !LOG_LINE.matcher(line).matches())
                .map(String::strip).collect(Collectors.joining());
        System.out.printf("[e2e] %s prepared in %.1f s%n", node.profile.name(), (System.nanoTime() - t0) / 1e9);
        return info;
    }

    /** The oracle: the broker's own users and permissions; warren's nodes: only the vhosts (the broker checks a vhost exists before asking). */
    private Path definitionsFor(BrokerNode node) {
        if (node.profile.backend() == INTERNAL) {
            return definitions;
        }
        try {
            ObjectMapper om = new ObjectMapper();
            JsonNode full = om.readTree(definitions.toFile());
            ObjectNode v = om.createObjectNode();
            v.set("vhosts", full.get("vhosts"));
            Path vhosts = node.dir.resolve("vhosts.json");
            om.writeValue(vhosts.toFile(), v);
            return vhosts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The AMQP node's user for `warren amqp` (in its internal database), with the responder's permissions. */
    static void addResponderUser(BrokerNode node, String password) {
        node.ctl("add_user", AmqpPlugin.RESPONDER_USER, password).orThrow();
        String[] perms = AmqpPlugin.RESPONDER_PERMISSIONS;
        node.ctl("set_permissions", "-p", "/", AmqpPlugin.RESPONDER_USER, perms[0], perms[1], perms[2]).orThrow();
    }

    /** Exchanges and queues the scenarios use, declared by admin (who may do anything everywhere). */
    static void fixtures(BrokerNode node) {
        for (Map.Entry<String, List<String[]>> e : Scenarios.fixtures().entrySet()) {
            ConnectionFactory f = new ConnectionFactory();
            f.setHost("127.0.0.1");
            f.setPort(node.amqpPort);
            f.setUsername(E2e.ADMIN_USER);
            f.setPassword(E2e.ADMIN_PASSWORD);
            f.setVirtualHost(e.getKey());
            f.setAutomaticRecoveryEnabled(false);
            f.setHandshakeTimeout(30_000);
            // On a loaded machine a store call that times out refuses the login (fail closed), or the
            // handshake itself times out: the set-up, not a scenario, so it tries again a few times.
            for (int attempt = 1; ; attempt++) {
                try (Connection c = f.newConnection("warren-e2e-fixtures"); Channel ch = c.createChannel()) {
                    for (String[] decl : e.getValue()) {
                        if (decl[0].equals("queue")) {
                            ch.queueDeclare(decl[1], true, false, false, null);
                        } else {
                            ch.exchangeDeclare(decl[1], decl[2], true);
                        }
                    }
                    break;
                } catch (AuthenticationFailureException | TimeoutException ex) {
                    if (attempt == FIXTURE_LOGIN_ATTEMPTS) {
                        throw new IllegalStateException("fixtures on " + node + " vhost '" + e.getKey() + "' (as admin), "
                                + attempt + " attempts: " + ex, ex);
                    }
                    System.out.println("[e2e] fixtures on " + node.profile.name() + ": admin login failed (" + ex + "), retrying");
                    sleep(2_000);
                } catch (Exception ex) {
                    throw new IllegalStateException("fixtures on " + node + " vhost '" + e.getKey() + "' (as admin): " + ex, ex);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
