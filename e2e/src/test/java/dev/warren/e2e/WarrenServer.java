package dev.warren.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * `./warren serve --definitions FILE --port P --bind 127.0.0.1` on loopback, waited for until it
 * prints `listening on http://...`, or `./warren amqp` waited for until it is connected; stopped with
 * SIGTERM (its whole process tree, by PID) and startable again.
 */
final class WarrenServer {
    final int port;
    private final List<String> command;
    private final Path logFile;
    private final Path pidFile;
    private Process process;

    final String name;
    private final Map<String, String> env;

    private final String readyMarker;

    /**
     * @param storeArgs where decisions come from: {@code --definitions FILE}, or {@code --aws --table T ...}
     * @param env extra environment (AWS endpoint and region for the AWS-mode store)
     */
    WarrenServer(String name, List<String> warrenCommand, List<String> storeArgs, List<String> extraArgs,
            Map<String, String> env, Path runRoot) {
        this(name, warrenCommand, storeArgs, extraArgs, env, runRoot, BrokerNode.freePort());
    }

    private WarrenServer(String name, List<String> warrenCommand, List<String> storeArgs, List<String> extraArgs,
            Map<String, String> env, Path runRoot, int port) {
        this(name, serveCommand(warrenCommand, storeArgs, extraArgs, port), env, runRoot, "listening on http://", port);
    }

    private WarrenServer(String name, List<String> command, Map<String, String> env, Path runRoot, String readyMarker,
            int port) {
        this.name = name;
        this.env = Map.copyOf(env);
        this.command = List.copyOf(command);
        this.port = port;
        this.readyMarker = readyMarker;
        this.logFile = runRoot.resolve("warren-" + name + ".log");
        this.pidFile = runRoot.resolve("warren-" + name + ".pids");
    }

    private static List<String> serveCommand(List<String> warrenCommand, List<String> storeArgs, List<String> extraArgs,
            int port) {
        List<String> cmd = new ArrayList<>(warrenCommand);
        cmd.add("serve");
        cmd.addAll(storeArgs);
        cmd.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1"));
        cmd.addAll(extraArgs);
        return cmd;
    }

    /**
     * `warren amqp --uri amqp://USER@127.0.0.1:PORT/%2F` with the store options, the password in
     * WARREN_AMQP_PASSWORD; ready once it logs that it is connected (and consuming).
     */
    static WarrenServer amqp(String name, List<String> warrenCommand, List<String> storeArgs, String user,
            String password, int brokerPort, Path runRoot) {
        List<String> cmd = new ArrayList<>(warrenCommand);
        cmd.addAll(List.of("amqp", "--uri", "amqp://" + user + "@127.0.0.1:" + brokerPort + "/%2F",
                "--exchange", AmqpPlugin.EXCHANGE, "--queue", AmqpPlugin.QUEUE));
        cmd.addAll(storeArgs);
        return new WarrenServer(name, cmd, Map.of("WARREN_AMQP_PASSWORD", password), runRoot, "\"message\":\"connected\"", 0);
    }

    void start(Duration timeout) {
        long t0 = System.nanoTime();
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            process = pb.start();
            recordPids();
            CompletableFuture<String> ready = new CompletableFuture<>();
            Thread pump = Thread.ofPlatform().daemon().name("warren-serve-log-" + name).start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                     PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                             StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        log.println(line);
                        if (!ready.isDone() && line.contains(readyMarker)) {
                            ready.complete(line);
                        }
                    }
                } catch (IOException e) {
                    // process gone
                }
                ready.completeExceptionally(new IllegalStateException("warren exited before it was ready"));
            });
            try {
                String line = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                System.out.printf("[e2e] warren (" + name + ") ready after %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, line.strip());
            } catch (TimeoutException e) {
                throw new IllegalStateException("warren did not print '" + readyMarker + "' within " + timeout
                        + "; command: " + String.join(" ", command) + "\n" + tail());
            } catch (Exception e) {
                throw new IllegalStateException("warren failed to start: " + String.join(" ", command)
                        + "\n" + tail(), e);
            }
            recordPids();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        }
    }

    /** Remember our PIDs so that e2e/run's trap can stop them if this JVM dies. */
    private void recordPids() {
        if (process == null) {
            return;
        }
        String pids = java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants())
                .map(h -> Long.toString(h.pid())).collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.writeString(pidFile, pids);
        } catch (IOException e) {
            // best effort
        }
    }

    String tail() {
        try {
            List<String> lines = Files.exists(logFile) ? Files.readAllLines(logFile) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    Path logFile() {
        return logFile;
    }

    String describe() {
        return port == 0 ? "warren amqp (" + name + ")" : "warren serve (" + name + ") on 127.0.0.1:" + port;
    }

    void stop() {
        if (process == null) {
            return;
        }
        // The launcher may be a script with java as its child: signal the whole tree we started.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy); // SIGTERM
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle h : tree) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                h.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                System.err.println("[e2e] warren pid " + h.pid() + " ignored SIGTERM, killing");
                h.destroyForcibly();
            }
        }
        process = null;
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // ignore
        }
    }
}
