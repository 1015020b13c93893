package dev.warren.e2e;

import dev.warren.store.aws.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's AWS-mode store: DynamoDB and Secrets Manager on a private moto server (the tests' one
 * {@link MotoServer}), or on the endpoint the environment names (awsStore=external); a table and
 * secret prefix of this run, loaded with `warren import_definitions`; and warren's admin verbs
 * against them, which is how the admin-change scenarios change what `warren serve --aws` answers.
 */
final class AwsModeStore {
    private final List<String> warrenCommand;
    private final List<String> adminArgs;
    private final Path pidFile;
    private final MotoServer moto;
    private final Map<String, String> env;
    private final String table;
    private final String secretPrefix;
    private String adminCliUnavailable;
    private boolean adminCliProbed;

    private AwsModeStore(E2eSettings settings, String runId, List<String> warrenCommand, boolean useMoto) {
        this.warrenCommand = warrenCommand;
        this.adminArgs = settings.adminArgs;
        this.pidFile = settings.runRoot.resolve("moto.pids");
        this.moto = useMoto ? new MotoServer(List.of(settings.python, "-m", "moto.server"), settings.runRoot.resolve("moto.log"))
                : null;
        this.env = useMoto ? moto.awsEnvironment() : Map.of();
        this.table = "warren-e2e-" + runId;
        this.secretPrefix = "warren-e2e-" + runId + "/users/";
    }

    /** The store the awsStore setting asks for, or null when it is off (see {@link #offReason}). */
    static AwsModeStore chosen(E2eSettings settings, String runId, List<String> warrenCommand) {
        boolean useMoto = switch (settings.awsStore) {
            case "moto" -> true;
            case "auto" -> motoAvailable(settings.python);
            default -> false;
        };
        return useMoto || settings.awsStore.equals("external") ? new AwsModeStore(settings, runId, warrenCommand, useMoto)
                : null;
    }

    /** Why {@link #chosen} returned null. */
    static String offReason(E2eSettings settings) {
        return settings.awsStore.equals("off") ? "WARREN_E2E_AWS_STORE=off"
                : settings.python + " cannot import moto.server (pip install 'moto[server]'), and WARREN_E2E_AWS_STORE is "
                        + settings.awsStore;
    }

    private static boolean motoAvailable(String python) {
        return Proc.run(List.of(python, "-c", "import moto.server"), Map.of(), Duration.ofSeconds(30)).ok();
    }

    /** `serve` arguments that select this store. */
    List<String> serveArgs() {
        return List.of("--aws", "--table", table, "--secret-prefix", secretPrefix);
    }

    /**
     * The AWS endpoint for `serve`, plus warren's own caches, short (unless set by the caller) so that
     * "visible after the caches expire" takes seconds; the broker's cache plugin adds its cache_ttl on top.
     */
    Map<String, String> serveEnv() {
        Map<String, String> serveEnv = new LinkedHashMap<>(env);
        for (String[] kv : new String[][] {{"WARREN_POLICY_TTL_SECONDS", "2"}, {"WARREN_SECRET_TTL_SECONDS", "2"},
                {"WARREN_NEGATIVE_TTL_SECONDS", "1"}, {"WARREN_CREDENTIAL_TTL_SECONDS", "2"}}) {
            if (System.getenv(kv[0]) == null) {
                serveEnv.put(kv[0], kv[1]);
            }
        }
        return serveEnv;
    }

    /** Starts moto (when it is the store) and imports the definitions into this run's table. */
    void load(Path definitions) {
        if (moto != null) {
            try {
                moto.start();
                Files.writeString(pidFile, moto.pid() + "\n"); // for e2e/run's trap, should this JVM die
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start moto", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting moto", e);
            }
            System.out.println("[e2e] moto on " + moto.endpoint());
        }
        List<String> imp = new ArrayList<>(warrenCommand);
        imp.addAll(List.of("import_definitions", "--table", table, "--secret-prefix", secretPrefix, definitions.toString()));
        Proc.run(imp, env, Duration.ofMinutes(4)).orThrow();
    }

    /** warren's admin verbs against this store, or null with the reason in {@code why[0]}. */
    synchronized AdminActions admin(String[] why) {
        if (!adminCliProbed) {
            adminCliUnavailable = AdminActions.warrenCliUnavailable(warrenCommand, env);
            adminCliProbed = true;
        }
        if (adminCliUnavailable != null) {
            why[0] = "warren's admin CLI is not available: " + adminCliUnavailable;
            return null;
        }
        return AdminActions.warrenCli(warrenCommand, storeAndAdminArgs(), env);
    }

    /** Runs one of warren's admin verbs against this store, with extra environment variables. */
    Proc.Result run(Map<String, String> extraEnv, String verb, String... args) {
        List<String> cmd = new ArrayList<>(warrenCommand);
        cmd.add(verb);
        cmd.addAll(storeAndAdminArgs());
        cmd.addAll(List.of(args));
        Map<String, String> runEnv = new LinkedHashMap<>(env);
        runEnv.putAll(extraEnv);
        return Proc.run(cmd, runEnv, Duration.ofMinutes(2));
    }

    private List<String> storeAndAdminArgs() {
        List<String> args = new ArrayList<>(List.of("--table", table, "--secret-prefix", secretPrefix));
        args.addAll(adminArgs);
        return args;
    }

    /** Stops the moto server this run started, if any. */
    void stop() {
        if (moto == null) {
            return;
        }
        moto.close();
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // e2e/run's trap only signals recorded PIDs that still run moto or warren
        }
    }
}
