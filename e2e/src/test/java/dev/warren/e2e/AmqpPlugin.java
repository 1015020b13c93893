package dev.warren.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rabbitmq_auth_backend_amqp plugin, compiled for this run from the vendored source with its
 * build-plugin.sh into the run directory (never into the repository), and what a node needs to
 * load it: the plugin directories, the enabled plugin and the rabbitmq.conf lines.
 *
 * <p>The plugin's own user ({@link #PLUGIN_USER}) must exist when the node boots, because the plugin
 * connects while the node starts: it is the node's default user, created at first boot, with
 * permissions on its exchange and its own reply queues only. RabbitMQ 3.10's rabbitmq.conf schema
 * swaps {@code default_permissions.read} and {@code .write}, so both get the same pattern.
 */
final class AmqpPlugin {
    static final String PLUGIN_USER = "warren-plugin";
    static final String RESPONDER_USER = "warren-responder";
    static final String EXCHANGE = "authentication";
    static final String QUEUE = "warren.questions";
    /** auth_amqp.timeout: the plugin's default (infinity) would hang a node without a responder. */
    static final int TIMEOUT_MS = 5000;

    /** The plugin user's configure, write and read pattern: its exchange and its server-named reply queues. */
    static final String PLUGIN_PERMISSION = "^(authentication|amq\\.gen-.*)$";

    /** The responder's permissions on "/": its queue, reading the exchange, replying through the default exchange. */
    static final String[] RESPONDER_PERMISSIONS = {"^(authentication|warren\\.questions)$",
            "^(warren\\.questions|amq\\.default)$", "^(authentication|warren\\.questions)$"};

    final Path source;
    final Path target;

    AmqpPlugin(Path source, Path runRoot) {
        this.source = source;
        this.target = runRoot.resolve("amqp-plugin");
    }

    /** Compiles the plugin into {@link #target}; fails with the script's output. */
    void build() {
        Path script = source.resolve("build-plugin.sh");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("no " + script + ": set WARREN_E2E_AMQP_PLUGIN_SRC to the vendored"
                    + " rabbitmq-auth-backend-amqp directory");
        }
        Proc.run(List.of(script.toString(), target.toString()), Map.of(), Duration.ofMinutes(2)).orThrow();
    }

    /** RABBITMQ_PLUGINS_DIR for a node: the broker's own plugins, then the built one. */
    String pluginsDir() {
        Path lib = Path.of(System.getenv().getOrDefault("RABBITMQ_LIB", "/usr/lib/rabbitmq/lib"));
        try (Stream<Path> servers = Files.list(lib)) {
            Path server = servers.filter(p -> p.getFileName().toString().startsWith("rabbitmq_server-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no rabbitmq_server-* in " + lib));
            return server.resolve("plugins") + ":" + target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rabbitmq.conf lines: internal backend first (the plugin's and the responder's users), then amqp. */
    static String config(String pluginPassword) {
        return """
                auth_backends.1 = internal
                auth_backends.2 = amqp
                auth_amqp.username = %s
                auth_amqp.vhost = /
                auth_amqp.exchange = %s
                auth_amqp.timeout = %d
                default_user = %s
                default_pass = %s
                default_user_tags.administrator = false
                default_permissions.configure = %s
                default_permissions.write = %s
                default_permissions.read = %s
                """.formatted(PLUGIN_USER, EXCHANGE, TIMEOUT_MS, PLUGIN_USER, pluginPassword, PLUGIN_PERMISSION,
                PLUGIN_PERMISSION, PLUGIN_PERMISSION);
    }
}
