package dev.warren.store.aws;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code moto_server} (DynamoDB and Secrets Manager on one port) on a free loopback port ({@link FreePorts}), started
 * for a test and stopped by the PID it started (with its descendants), never by name. It can be
 * paused (SIGSTOP: calls hang, as in a network blackout), resumed, killed and restarted on the same
 * port (state is lost: re-import). The admin and CLI tests and the e2e suite all use this one.
 * Install: {@code pip install 'moto[server]==5.2.1'}.
 */
public final class MotoServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    /** How the server is run unless told otherwise: the script pip installs. */
    public static final List<String> DEFAULT_COMMAND = List.of("moto_server");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final List<String> command;
    private final Path log;
    private final int port;
    private File output;
    private Process process;

    /** {@code moto_server} from PATH on a free port, output to a temporary file; started by {@link #beforeAll}. */
    public MotoServer() {
        this(DEFAULT_COMMAND, null);
    }

    /**
     * @param command how to run the server without its address arguments, e.g.
     *                {@code [python3, -m, moto.server]}
     * @param log     where its output goes (appended), or null for a temporary file
     */
    public MotoServer(List<String> command, Path log) {
        this.command = List.copyOf(command);
        this.log = log;
        this.port = FreePorts.take();
    }

    /** A server on a free loopback port, already listening; close it (or {@link #kill()}) when done. */
    public static MotoServer startOnFreePort() throws IOException, InterruptedException {
        return startOnFreePort(DEFAULT_COMMAND, null);
    }

    /** As {@link #startOnFreePort()}, run by {@code command}, with its output in {@code log}. */
    public static MotoServer startOnFreePort(List<String> command, Path log) throws IOException, InterruptedException {
        MotoServer server = new MotoServer(command, log);
        server.beforeAll(null);
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        kill();
    }

    @Override
    public void close() {
        kill();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The PID of the running server (what a test records so that a crashed run can be cleaned up). */
    public long pid() {
        return process.pid();
    }

    /** What an AWS SDK client in a subprocess needs to reach this server through the standard chain. */
    public Map<String, String> awsEnvironment() {
        return Map.of("AWS_ENDPOINT_URL", endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing");
    }

    /** Starts the server on its port (again, after {@link #kill()}) and waits until it listens. */
    public void start() throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
        File output = logFile();
        try {
            process = new ProcessBuilder(args).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + " (pip install 'moto[server]==5.2.1')", e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + "; " + tail(output));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("moto_server did not listen on port " + port + " within " + START_TIMEOUT.toSeconds()
                + " s; " + tail(output));
    }

    /** SIGSTOP: the port stays open but nothing answers. */
    public void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    public void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    /** Stops the process this object started and its descendants; nothing else. */
    public void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            signal("-CONT");
        } catch (IOException | InterruptedException e) {
            // being killed anyway
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    /** The log named at construction, else one temporary file kept across restarts. */
    private File logFile() throws IOException {
        if (output == null) {
            output = log != null ? log.toFile() : File.createTempFile("moto-", ".log");
            if (log == null) {
                output.deleteOnExit();
            }
        }
        return output;
    }

    /** The end of the server's output, for a failure message. */
    private static String tail(File output) {
        try {
            String text = Files.readString(output.toPath()).strip();
            return "log " + output + (text.isEmpty() ? " is empty"
                    : " ends: " + (text.length() > 2000 ? text.substring(text.length() - 2000) : text));
        } catch (IOException | UncheckedIOException e) {
            return "see " + output;
        }
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
        }
    }
}
