package dev.warren.e2e;

import static dev.warren.e2e.BrokerNode.Backend.AMQP;
import static dev.warren.e2e.BrokerNode.Backend.HTTP;
import static dev.warren.e2e.BrokerNode.Backend.INTERNAL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The shared test environment: which broker nodes run and which warren each asks. Started once (in
 * parallel) for all test classes and stopped when JUnit finishes (root-store CloseableResource), or
 * by the JVM shutdown hook, or by e2e/run's trap if this JVM is killed:
 * <ul>
 *   <li>`warren serve --definitions e2e/definitions.json` (its in-process DynamoDB Local store);</li>
 *   <li>when the AWS-mode store is on ({@link AwsModeStore}): `warren serve --aws` over it, which
 *       warren's admin commands can change (the admin-change scenarios need this);</li>
 *   <li>`warren amqp` for the AMQP node;</li>
 *   <li>one private broker node per profile, set up by {@link BrokerNodeSetup}.</li>
 * </ul>
 * A part that fails to start fails only the tests that use it. Settings: {@link E2eSettings}.
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
    final Duration changeTimeout;
    final List<String> serveArgs;
    final String awsStore;
    private final WarrenServer fileWarren;
    private final AwsModeStore aws;
    private final WarrenServer awsWarren;
    private final String awsOff;
    private final String responderPassword;
    private WarrenServer amqpWarren;
    private final BrokerNodeSetup nodeSetup;
    private final Map<String, BrokerNode> nodes = new LinkedHashMap<>();
    private final Map<String, Throwable> warrenFailures = new ConcurrentHashMap<>();
    private final Map<String, Throwable> failures = new ConcurrentHashMap<>();
    private final Map<String, String> nodeInfo = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** The environment, started on first use; closed with the JUnit root context. */
    static E2e get(ExtensionContext context) {
        synchronized (LOCK) {
            if (instance == null) {
                E2e e = new E2e(E2eSettings.read());
                Runtime.getRuntime().addShutdownHook(new Thread(e::close, "warren-e2e-cleanup"));
                instance = e;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(E2e.class.getName(), e);
                e.start();
            }
            return instance;
        }
    }

    private E2e(E2eSettings settings) {
        repo = settings.repo;
        runRoot = settings.runRoot;
        definitions = settings.definitions;
        changeTimeout = settings.changeTimeout;
        serveArgs = settings.serveArgs;
        awsStore = settings.awsStore;
        warrenCommand = WarrenCommand.pinned(settings);
        String runId = Long.toString(ProcessHandle.current().pid());
        List<String> fromFile = List.of("--definitions", definitions.toString());
        fileWarren = new WarrenServer("file", warrenCommand, fromFile, serveArgs, Map.of(), runRoot);
        aws = AwsModeStore.chosen(settings, runId, warrenCommand);
        awsWarren = aws == null ? null
                : new WarrenServer("aws", warrenCommand, aws.serveArgs(), serveArgs, aws.serveEnv(), runRoot);
        awsOff = aws == null ? AwsModeStore.offReason(settings) : null;
        AmqpPlugin amqpPlugin = new AmqpPlugin(settings.amqpPluginSrc, runRoot);
        nodeSetup = new BrokerNodeSetup(definitions, amqpPlugin);
        responderPassword = "responder-" + runId + "-" + Long.toHexString(System.nanoTime());
        Path script = repo.resolve("e2e/broker.sh");
        for (BrokerNode.Profile p : PROFILES) {
            int port = p.backend() == HTTP ? warrenFor(p).port : 0;
            BrokerNode node = new BrokerNode(p, runRoot, script, runId, port, amqpPlugin);
            nodes.put(p.name(), node);
            if (p.backend() == AMQP) {
                amqpWarren = WarrenServer.amqp("amqp", warrenCommand, fromFile, AmqpPlugin.RESPONDER_USER, responderPassword,
                        node.amqpPort, runRoot);
            }
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

    /** Starts warren and the nodes in parallel; a node's fixtures wait for the warren it asks. */
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
                    aws.load(definitions);
                    awsWarren.start(Duration.ofMinutes(4));
                }));
            }
            List<CompletableFuture<Void>> all = new ArrayList<>(up.values());
            for (BrokerNode node : nodes.values()) {
                CompletableFuture<Void> f = CompletableFuture.runAsync(
                        () -> nodeInfo.put(node.profile.name(), nodeSetup.prepare(node, describe(node.profile))), pool);
                if (node.profile.backend() == AMQP) {
                    // The responder connects once the node runs and its user exists; fixtures go through it.
                    f = f.thenRun(() -> {
                        startResponder(node);
                        if (!warrenFailures.containsKey(amqpWarren.name)) {
                            BrokerNodeSetup.fixtures(node);
                        }
                    });
                } else if (node.profile.backend() == HTTP) {
                    // Fixtures on warren's nodes log in as admin through warren.
                    WarrenServer w = warrenFor(node.profile);
                    f = f.thenCombine(up.get(w.name), (a, b) -> null).thenRun(() -> {
                        if (!warrenFailures.containsKey(w.name)) {
                            BrokerNodeSetup.fixtures(node);
                        }
                    });
                } else {
                    f = f.thenRun(() -> BrokerNodeSetup.fixtures(node));
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

    /** The responder's user on the AMQP node (internal backend), then `warren amqp` itself. */
    private void startResponder(BrokerNode node) {
        try {
            BrokerNodeSetup.addResponderUser(node, responderPassword);
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

    /** What {@link BrokerNodeSetup#NODE_PROBE} printed on this node. */
    String info(BrokerNode.Profile p) {
        node(p);
        return nodeInfo.get(p.name());
    }

    /**
     * warren's admin commands against the store this node's warren answers from, or null with the
     * reason in {@code why[0]} when they cannot be used here.
     */
    AdminActions warrenAdmin(BrokerNode.Profile p, String[] why) {
        if (warrenFor(p) != awsWarren || awsWarren == null) {
            why[0] = "`warren serve --definitions` keeps its store in-process, where warren's admin commands cannot"
                    + " reach it, and the AWS-mode store is off (" + awsOff + ")";
            return null;
        }
        return aws.admin(why);
    }

    /**
     * Runs one of warren's admin verbs against the AWS-mode store (as {@link #warrenAdmin} does),
     * with extra environment variables; call only after {@link #warrenAdmin} returned non-null.
     */
    Proc.Result warrenAdminRun(Map<String, String> extraEnv, String verb, String... args) {
        return aws.run(extraEnv, verb, args);
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
        if (aws != null) {
            aws.stop();
        }
        System.out.printf("[e2e] stopped nodes and warren in %.1f s (logs in %s)%n", (System.nanoTime() - t0) / 1e9, runRoot);
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
