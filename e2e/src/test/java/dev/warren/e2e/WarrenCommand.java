package dev.warren.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The command that runs warren for the whole run. An explicit WARREN_E2E_WARREN is used as given.
 * Otherwise the repo's launcher runs once (building the CLI jar if missing or stale) and the jar is
 * then copied into the run directory and run directly: every warren process of the run uses the
 * same build, and a source edit during the run cannot trigger a rebuild mid-test.
 */
final class WarrenCommand {
    private WarrenCommand() {
    }

    static List<String> pinned(E2eSettings settings) {
        if (!settings.warrenLauncher.isEmpty()) {
            return List.of(settings.warrenLauncher);
        }
        Path launcher = settings.repo.resolve("warren");
        if (!Files.isExecutable(launcher)) {
            return List.of(launcher.toString()); // reported as a failure when the environment starts
        }
        Proc.Result r = Proc.run(List.of(launcher.toString(), "--version"), Map.of(), Duration.ofMinutes(4));
        Path jar = settings.repo.resolve("cli/target/warren-cli.jar");
        if (!Files.isRegularFile(jar)) {
            System.out.println("[e2e] no " + jar + " after `warren --version`, using the launcher as is: "
                    + tail(r.output()));
            return List.of(launcher.toString());
        }
        if (!r.ok()) {
            System.out.println("[e2e] WARNING: `warren --version` failed (the launcher could not rebuild the jar?); testing"
                    + " the EXISTING, possibly stale " + jar + ": " + tail(r.output()));
        }
        try {
            Path pinned = Files.copy(jar, settings.runRoot.resolve("warren-cli.jar"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            System.out.println("[e2e] warren " + (r.ok() ? r.output().strip() : "(version unknown)") + ", pinned " + jar
                    + " -> " + pinned);
            return List.of(java, "-jar", pinned.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String s) {
        s = s.strip();
        return s.length() > 600 ? "..." + s.substring(s.length() - 600) : s;
    }
}
