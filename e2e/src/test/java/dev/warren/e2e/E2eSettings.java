package dev.warren.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The run's settings, read once: each a system property, else an environment variable, else a
 * default.
 * <ul>
 *   <li>warren.e2e.repo / WARREN_E2E_REPO: repository root (default: the parent of e2e/)</li>
 *   <li>warren.e2e.warren / WARREN_E2E_WARREN: the warren launcher (default: the repository's, pinned by
 *       {@link WarrenCommand})</li>
 *   <li>warren.e2e.serveArgs / WARREN_E2E_SERVE_ARGS: extra `serve` arguments (space separated)</li>
 *   <li>warren.e2e.adminArgs / WARREN_E2E_ADMIN_ARGS: extra arguments for add_user, set_permissions, clear_permissions</li>
 *   <li>warren.e2e.definitions / WARREN_E2E_DEFINITIONS: definitions file (default REPO/e2e/definitions.json)</li>
 *   <li>warren.e2e.runDir / WARREN_E2E_RUN_DIR: where nodes and logs live (default: a new temp dir)</li>
 *   <li>warren.e2e.changeTimeout / WARREN_E2E_CHANGE_TIMEOUT: seconds an admin change may take to be visible (default 60)</li>
 *   <li>warren.e2e.awsStore / WARREN_E2E_AWS_STORE: auto (moto when python3 has it, else off), moto, off,
 *       or external (use AWS_ENDPOINT_URL / AWS_REGION / credentials from the environment as given)</li>
 *   <li>warren.e2e.python / WARREN_E2E_PYTHON: the Python that has moto (default python3)</li>
 *   <li>warren.e2e.amqpPluginSrc / WARREN_E2E_AMQP_PLUGIN_SRC: the AMQP plugin's source</li>
 * </ul>
 */
final class E2eSettings {
    final Path repo;
    final Path runRoot;
    final Path definitions;
    final String warrenLauncher;
    final List<String> adminArgs;
    final List<String> serveArgs;
    final Duration changeTimeout;
    final String awsStore;
    final String python;
    final Path amqpPluginSrc;

    private E2eSettings() {
        repo = Path.of(setting("warren.e2e.repo", "WARREN_E2E_REPO", Path.of("..").toAbsolutePath().normalize().toString()))
                .toAbsolutePath().normalize();
        String run = setting("warren.e2e.runDir", "WARREN_E2E_RUN_DIR", "");
        try {
            runRoot = run.isEmpty() ? Files.createTempDirectory("warren-e2e-") : Files.createDirectories(Path.of(run));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        definitions = Path.of(setting("warren.e2e.definitions", "WARREN_E2E_DEFINITIONS",
                repo.resolve("e2e/definitions.json").toString())).toAbsolutePath();
        warrenLauncher = setting("warren.e2e.warren", "WARREN_E2E_WARREN", "");
        adminArgs = words(setting("warren.e2e.adminArgs", "WARREN_E2E_ADMIN_ARGS", ""));
        changeTimeout = Duration.ofSeconds(Long.parseLong(setting("warren.e2e.changeTimeout", "WARREN_E2E_CHANGE_TIMEOUT", "60")));
        serveArgs = words(setting("warren.e2e.serveArgs", "WARREN_E2E_SERVE_ARGS", ""));
        awsStore = setting("warren.e2e.awsStore", "WARREN_E2E_AWS_STORE", "auto");
        python = setting("warren.e2e.python", "WARREN_E2E_PYTHON", "python3");
        amqpPluginSrc = Path.of(setting("warren.e2e.amqpPluginSrc", "WARREN_E2E_AMQP_PLUGIN_SRC",
                "/work/shared/vendor/rabbitmq-auth-backend-amqp"));
    }

    static E2eSettings read() {
        return new E2eSettings();
    }

    /** The system property, else the environment variable, else the default (blank counts as unset). */
    static String setting(String property, String env, String dflt) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? dflt : v;
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }
}
