package dev.warren.e2e;

import static dev.warren.e2e.BrokerNode.Backend.AMQP;
import static dev.warren.e2e.BrokerNode.Backend.HTTP;
import static dev.warren.e2e.BrokerNode.Backend.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The shared test environment, started once (in parallel) for all test classes and stopped when
 * JUnit finishes (root-store CloseableResource), or by the JVM shutdown hook, or by e2e/run's
 * trap if this JVM is killed:
 * <ul>
 *   <li>`warren serve --definitions e2e/definitions.json` (its in-process DynamoDB Local store);</li>
 *   <li>when the AWS-mode store is on: a private moto server (DynamoDB + Secrets Manager), loaded
 *       with `warren import_definitions`, and `warren serve --aws` over it, which warren's admin
 *       commands can change (the admin-change scenarios need this);</li>
 *   <li>five private broker nodes, one per {@link BrokerNode.Profile}.</li>
 * </ul>
 *
 * <p>Settings (system property / environment variable):
 * <ul>
 *   <li>warren.e2e.repo / WARREN_E2E_REPO: repository root (default: the parent of e2e/)</li>
 *   <li>warren.e2e.warren / WARREN_E2E_WARREN: the warren launcher (default REPO/warren)</li>
 *   <li>warren.e2e.serveArgs / WARREN_E2E_SERVE_ARGS: extra `serve` arguments (space separated)</li>
 *   <li>warren.e2e.adminArgs / WARREN_E2E_ADMIN_ARGS: extra arguments for add_user, set_permissions, clear_permissions</li>
 *   <li>warren.e2e.definitions / WARREN_E2E_DEFINITIONS: definitions file (default REPO/e2e/definitions.json)</li>
 *   <li>warren.e2e.runDir / WARREN_E2E_RUN_DIR: where nodes and logs live (default: a new temp dir)</li>
 *   <li>warren.e2e.changeTimeout / WARREN_E2E_CHANGE_TIMEOUT: seconds an admin change may take to be visible (default 60)</li>
 *   <li>warren.e2e.awsStore / WARREN_E2E_AWS_STORE: auto (moto when python3 has it, else off), moto, off,
 *       or external (use AWS_ENDPOINT_URL / AWS_REGION / credentials from the environment as given)</li>
 * </ul>
 */
final class E2e implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin-secret";

    // The broker configurations under test. warren-get talks to the definitions-file warren;
    // warren-post and warren-post-cache to the AWS-mode warren when it is on (else the file one).
    static final BrokerNode.Profile ORACLE = new BrokerNode.Profile("oracle", INTERNAL, null, false, false);
    static final BrokerNode.Profile ORACLE_CACHE = new BrokerNode.Profile("oracle-cache", INTERNAL, null, true, false);
    static final BrokerNode.Profile WARREN_GET = new BrokerNode.Profile("warren-get", HTTP, "get", false, false);
    static final BrokerNode.Profile WARREN_POST = new BrokerNode.Profile("warren-post", HTTP, "post", false, true);
    static final BrokerNode.Profile WARREN_POST_CACHE = new BrokerNode.Profile("warren-post-cache", HTTP, "post", true, false);
    /** The AMQP plugin (built from the vendored source) asking `warren amqp` over the definitions file. */
    static final BrokerNode.Profile WARREN_AMQP = new BrokerNode.Profile("warren-amqp", AMQP, null, false, false);
    static final List<BrokerNode.Profile> PROFILES = List.of(ORACLE, ORACLE_CACHE, WARREN_GET, WARREN_POST, WARREN_POST_CACHE,
            WARREN_AMQP);

    private static final Object LOCK = new Object();
    private static E2e instance;

    final Path repo;
    final Path runRoot;
    final Path definitions;
    final List<String> warrenCommand;
    final List<String> adminArgs;
    final Duration changeTimeout;
    final List<String> serveArgs;
    final String awsStore;
    private final String runId;
    private final WarrenServer fileWarren;
    private final MotoServer moto;
    private final WarrenServer awsWarren;
    private final AmqpPlugin amqpPlugin;
    private final String responderPassword;
    private WarrenServer amqpWarren;
    private final String awsOff;
    private final String table;
    private final String secretPrefix;
    private final Map<String, String> awsEnv;
    private final Map<String, Throwable> warrenFailures = new ConcurrentHashMap<>();
    private final Map<String, BrokerNode> nodes = new LinkedHashMap<>();
    private final Map<String, Throwable> failures = new ConcurrentHashMap<>();
    private final Map<String, String> nodeInfo = new ConcurrentHashMap<>();
    private String adminCliUnavailable;
    private boolean adminCliProbed;

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
    private volatile boolean closed;

    /** The environment, started on first use; closed with the JUnit root context. */
    static E2e get(ExtensionContext context) {
        synchronized (LOCK) {
            if (instance == null) {
                E2e e = new E2e();
                Runtime.getRuntime().addShutdownHook(new Thread(e::close, "warren-e2e-cleanup"));
                instance = e;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(E2e.class.getName(), e);
                e.start();
            }
            return instance;
        }
    }

    private E2e() {
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
        warrenCommand = pinWarren(setting("warren.e2e.warren", "WARREN_E2E_WARREN", ""));
        adminArgs = words(setting("warren.e2e.adminArgs", "WARREN_E2E_ADMIN_ARGS", ""));
        changeTimeout = Duration.ofSeconds(Long.parseLong(setting("warren.e2e.changeTimeout", "WARREN_E2E_CHANGE_TIMEOUT", "60")));
        serveArgs = words(setting("warren.e2e.serveArgs", "WARREN_E2E_SERVE_ARGS", ""));
        runId = Long.toString(ProcessHandle.current().pid());
        table = "warren-e2e-" + runId;
        secretPrefix = "warren-e2e-" + runId + "/users/";
        fileWarren = new WarrenServer("file", warrenCommand, List.of("--definitions", definitions.toString()), serveArgs,
                Map.of(), runRoot);
        awsStore = setting("warren.e2e.awsStore", "WARREN_E2E_AWS_STORE", "auto");
        boolean useMoto = switch (awsStore) {
            case "moto" -> true;
            case "auto" -> MotoServer.available();
            default -> false;
        };
        if (useMoto || awsStore.equals("external")) {
            moto = useMoto ? new MotoServer(runRoot) : null;
            awsEnv = useMoto ? moto.awsEnv() : Map.of();
            List<String> store = new ArrayList<>(List.of("--aws", "--table", table, "--secret-prefix", secretPrefix));
            // warren's own caches, short (unless set by the caller) so that "visible after the caches
            // expire" takes seconds; the broker's cache plugin adds its cache_ttl on top.
            Map<String, String> serveEnv = new LinkedHashMap<>(awsEnv);
            for (String[] kv : new String[][] {{"WARREN_POLICY_TTL_SECONDS", "2"}, {"WARREN_SECRET_TTL_SECONDS", "2"},
                    {"WARREN_NEGATIVE_TTL_SECONDS", "1"}, {"WARREN_CREDENTIAL_TTL_SECONDS", "2"}}) {
                if (System.getenv(kv[0]) == null) {
                    serveEnv.put(kv[0], kv[1]);
                }
            }
            awsWarren = new WarrenServer("aws", warrenCommand, store, serveArgs, serveEnv, runRoot);
            awsOff = null;
        } else {
            moto = null;
            awsEnv = Map.of();
            awsWarren = null;
            awsOff = awsStore.equals("off") ? "WARREN_E2E_AWS_STORE=off"
                    : "python3 cannot import moto.server (pip install 'moto[server]'), and WARREN_E2E_AWS_STORE is " + awsStore;
        }
        amqpPlugin = new AmqpPlugin(Path.of(setting("warren.e2e.amqpPluginSrc", "WARREN_E2E_AMQP_PLUGIN_SRC",
                "/work/shared/vendor/rabbitmq-auth-backend-amqp")), runRoot);
        responderPassword = "responder-" + runId + "-" + Long.toHexString(System.nanoTime());
        Path script = repo.resolve("e2e/broker.sh");
        for (BrokerNode.Profile p : PROFILES) {
            int port = p.backend() == HTTP ? warrenFor(p).port : 0;
            BrokerNode node = new BrokerNode(p, runRoot, script, runId, port, amqpPlugin);
            nodes.put(p.name(), node);
            if (p.backend() == AMQP) {
                amqpWarren = WarrenServer.amqp("amqp", warrenCommand, List.of("--definitions", definitions.toString()),
                        AmqpPlugin.RESPONDER_USER, responderPassword, node.amqpPort, runRoot);
            }
        }
    }

    /**
     * The command that runs warren for the whole run. An explicit WARREN_E2E_WARREN is used as
     * given. Otherwise the repo's launcher runs once (building the CLI jar if missing or stale) and
     * the jar is then copied into the run directory and run directly: every warren process of the
     * run uses the same build, and a source edit during the run cannot trigger a rebuild mid-test.
     */
    private List<String> pinWarren(String explicit) {
        if (!explicit.isEmpty()) {
            return List.of(explicit);
        }
        Path launcher = repo.resolve("warren");
        if (!Files.isExecutable(launcher)) {
            return List.of(launcher.toString()); // reported as a failure by start()
        }
        Proc.Result r = Proc.run(List.of(launcher.toString(), "--version"), Map.of(), Duration.ofMinutes(4));
        Path jar = repo.resolve("cli/target/warren-cli.jar");
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
            Path pinned = Files.copy(jar, runRoot.resolve("warren-cli.jar"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            System.out.println("[e2e] warren " + (r.ok() ? r.output().strip() : "(version unknown)") + ", pinned " + jar
                    + " -> " + pinned);
            return List.of(java, "-jar", pinned.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The profile, and for warren's nodes which warren they ask. */
    String describe(BrokerNode.Profile p) {
        return p.backend() != INTERNAL ? p.describe() + " -> " + warrenFor(p).describe() : p.describe();
    }

    /** The warren a node of this profile asks. */
    WarrenServer warrenFor(BrokerNode.Profile p) {
        if (p.backend() == AMQP) {
            return amqpWarren;
        }
        return p.equals(WARREN_GET) || awsWarren == null ? fileWarren : awsWarren;
    }

    private void start() {
        long t0 = System.nanoTime();
        System.out.println("[e2e] run directory " + runRoot + ", definitions " + definitions);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            if (!Files.isExecutable(Path.of(warrenCommand.get(0)))) {
                IllegalStateException e = new IllegalStateException("warren launcher not found or not executable: "
                        + warrenCommand.get(0));
                warrenFailures.put(fileWarren.name, e);
                if (awsWarren != null) {
                    warrenFailures.put(awsWarren.name, e);
                }
            }
            Map<String, CompletableFuture<Void>> up = new LinkedHashMap<>();
            up.put(fileWarren.name, startWarren(fileWarren, pool, () -> fileWarren.start(Duration.ofMinutes(4))));
            if (awsWarren != null) {
                up.put(awsWarren.name, startWarren(awsWarren, pool, () -> {
                    if (moto != null) {
                        moto.start(Duration.ofSeconds(60));
                        System.out.println("[e2e] moto on 127.0.0.1:" + moto.port);
                    }
                    List<String> imp = new ArrayList<>(warrenCommand);
                    imp.addAll(List.of("import_definitions", "--table", table, "--secret-prefix", secretPrefix,
                            definitions.toString()));
                    Proc.run(imp, awsEnv, Duration.ofMinutes(4)).orThrow();
                    awsWarren.start(Duration.ofMinutes(4));
                }));
            }
            List<CompletableFuture<Void>> all = new ArrayList<>(up.values());
            for (BrokerNode node : nodes.values()) {
                CompletableFuture<Void> f = CompletableFuture.runAsync(() -> prepareNode(node), pool);
                if (node.profile.backend() == AMQP) {
                    // The responder connects once the node runs and its user exists; fixtures go through it.
                    f = f.thenRun(() -> {
                        startResponder(node);
                        if (!warrenFailures.containsKey(amqpWarren.name)) {
                            fixtures(node);
                        }
                    });
                } else if (node.profile.backend() == HTTP) {
                    // Fixtures on warren's nodes log in as admin through warren.
                    WarrenServer w = warrenFor(node.profile);
                    f = f.thenCombine(up.get(w.name), (a, b) -> null).thenRun(() -> {
                        if (!warrenFailures.containsKey(w.name)) {
                            fixtures(node);
                        }
                    });
                } else {
                    f = f.thenRun(() -> fixtures(node));
                }
                all.add(f.exceptionally(t -> {
                    failures.put(node.profile.name(), unwrap(t));
                    return null;
                }));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        System.out.printf("[e2e] environment ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        failures.forEach((k, v) -> System.out.println("[e2e] " + k + " FAILED: " + v));
        warrenFailures.forEach((k, v) -> System.out.println("[e2e] warren (" + k + ") FAILED: " + v.getMessage()));
        if (awsOff != null) {
            System.out.println("[e2e] AWS-mode warren off (" + awsOff + "): warren's half of the admin-change tests will be skipped");
        }
    }

    private CompletableFuture<Void> startWarren(WarrenServer w, ExecutorService pool, Runnable body) {
        if (warrenFailures.containsKey(w.name)) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(body, pool).exceptionally(t -> {
            warrenFailures.put(w.name, unwrap(t));
            return null;
        });
    }

    private void prepareNode(BrokerNode node) {
        long t0 = System.nanoTime();
        if (node.profile.backend() == AMQP) {
            amqpPlugin.build();
        }
        node.start();
        System.out.printf("[e2e] started %s in %.1f s%n", describe(node.profile) + " " + node.nodeName + " amqp=127.0.0.1:"
                + node.amqpPort, (System.nanoTime() - t0) / 1e9);
        Path defs;
        try {
            if (node.profile.backend() == INTERNAL) {
                defs = definitions; // the oracle: the broker's own users and permissions
            } else {
                // warren's nodes: only the vhosts (the broker checks a vhost exists before asking).
                ObjectMapper om = new ObjectMapper();
                JsonNode full = om.readTree(definitions.toFile());
                ObjectNode v = om.createObjectNode();
                v.set("vhosts", full.get("vhosts"));
                defs = node.dir.resolve("vhosts.json");
                om.writeValue(defs.toFile(), v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        node.ctl("import_definitions", defs.toString()).orThrow();
        // No default guest user: on warren's nodes the internal database then holds no users at all,
        // so any successful login there can only have come from warren. The same call records the
        // node's effective auth settings, users and vhosts for BrokerSetupTest (one CLI run, not six).
        // rabbitmqctl may print the node's log lines (e.g. "12:05:01.719 [warning] Failed to delete
        // user 'guest'...") before the term: keep only the term.
        String info = node.ctl("eval", NODE_PROBE).orThrow().output().lines()
                .filter(line -> !LOG_LINE.matcher(line).matches())
                .map(String::strip).collect(java.util.stream.Collectors.joining());
        nodeInfo.put(node.profile.name(), info);
        System.out.printf("[e2e] %s prepared in %.1f s%n", node.profile.name(), (System.nanoTime() - t0) / 1e9);
    }

    /** Exchanges and queues the scenarios use, declared by admin (who may do anything everywhere). */
    private void fixtures(BrokerNode node) {
        Map<String, List<String[]>> byVhost = Scenarios.fixtures();
        for (Map.Entry<String, List<String[]>> e : byVhost.entrySet()) {
            ConnectionFactory f = new ConnectionFactory();
            f.setHost("127.0.0.1");
            f.setPort(node.amqpPort);
            f.setUsername(ADMIN_USER);
            f.setPassword(ADMIN_PASSWORD);
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
                } catch (com.rabbitmq.client.AuthenticationFailureException | java.util.concurrent.TimeoutException ex) {
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

    private static final int FIXTURE_LOGIN_ATTEMPTS = 3;

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The responder's user on the AMQP node (internal backend), then `warren amqp` itself. */
    private void startResponder(BrokerNode node) {
        try {
            node.ctl("add_user", AmqpPlugin.RESPONDER_USER, responderPassword).orThrow();
            String[] perms = AmqpPlugin.RESPONDER_PERMISSIONS;
            node.ctl("set_permissions", "-p", "/", AmqpPlugin.RESPONDER_USER, perms[0], perms[1], perms[2]).orThrow();
            amqpWarren.start(Duration.ofMinutes(4));
        } catch (RuntimeException e) {
            warrenFailures.put(amqpWarren.name, e);
        }
    }

    /** `warren amqp` for the AMQP node (stopped and started again by the restart test). */
    WarrenServer amqpResponder() {
        node(WARREN_AMQP);
        return amqpWarren;
    }

    /** The node for a profile; fails the calling test if it (or warren, for warren's nodes) did not start. */
    BrokerNode node(BrokerNode.Profile p) {
        Throwable t = failures.get(p.name());
        if (p.backend() != INTERNAL) {
            WarrenServer w = warrenFor(p);
            Throwable wf = warrenFailures.get(w.name);
            if (wf != null) {
                throw new IllegalStateException(w.describe() + " is not running, cannot test " + p.describe() + ": "
                        + wf.getMessage(), wf);
            }
        }
        if (t != null) {
            throw new IllegalStateException(p.describe() + " is not usable: " + t.getMessage(), t);
        }
        return nodes.get(p.name());
    }

    /** A log line the node prints to rabbitmqctl's output, e.g. {@code 12:05:01.719 [warning] ...}. */
    private static final java.util.regex.Pattern LOG_LINE =
            java.util.regex.Pattern.compile("\\s*\\d{2}:\\d{2}:\\d{2}\\.\\d+ \\[[a-z]+\\] .*");

    /** What {@link #NODE_PROBE} printed on this node. */
    String info(BrokerNode.Profile p) {
        node(p);
        return nodeInfo.get(p.name());
    }

    /**
     * warren's admin commands against the store this node's warren answers from, or null with the
     * reason in {@code why[0]} when they cannot be used here.
     */
    synchronized AdminActions warrenAdmin(BrokerNode.Profile p, String[] why) {
        if (warrenFor(p) != awsWarren || awsWarren == null) {
            why[0] = "`warren serve --definitions` keeps its store in-process, where warren's admin commands cannot"
                    + " reach it, and the AWS-mode store is off (" + awsOff + ")";
            return null;
        }
        List<String> args = new ArrayList<>(List.of("--table", table, "--secret-prefix", secretPrefix));
        args.addAll(adminArgs);
        if (!adminCliProbed) {
            adminCliUnavailable = AdminActions.warrenCliUnavailable(warrenCommand, awsEnv);
            adminCliProbed = true;
        }
        if (adminCliUnavailable != null) {
            why[0] = "warren's admin CLI is not available: " + adminCliUnavailable;
            return null;
        }
        return AdminActions.warrenCli(warrenCommand, args, awsEnv);
    }

    /**
     * Runs one of warren's admin verbs against the AWS-mode store (as {@link #warrenAdmin} does),
     * with extra environment variables; call only after {@link #warrenAdmin} returned non-null.
     */
    Proc.Result warrenAdminRun(Map<String, String> extraEnv, String verb, String... args) {
        List<String> cmd = new ArrayList<>(warrenCommand);
        cmd.add(verb);
        cmd.addAll(List.of("--table", table, "--secret-prefix", secretPrefix));
        cmd.addAll(adminArgs);
        cmd.addAll(List.of(args));
        Map<String, String> env = new LinkedHashMap<>(awsEnv);
        env.putAll(extraEnv);
        return Proc.run(cmd, env, Duration.ofMinutes(2));
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        long t0 = System.nanoTime();
        List<Thread> stops = new ArrayList<>();
        for (BrokerNode n : nodes.values()) {
            stops.add(Thread.ofPlatform().start(n::stop));
        }
        for (Thread t : stops) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (amqpWarren != null) {
            amqpWarren.stop();
        }
        fileWarren.stop();
        if (awsWarren != null) {
            awsWarren.stop();
        }
        if (moto != null) {
            moto.stop();
        }
        System.out.printf("[e2e] stopped nodes and warren in %.1f s (logs in %s)%n", (System.nanoTime() - t0) / 1e9, runRoot);
    }

    static String setting(String property, String env, String dflt) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? dflt : v;
    }

    private static String tail(String s) {
        s = s.strip();
        return s.length() > 600 ? "..." + s.substring(s.length() - 600) : s;
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
