package dev.warren.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private moto server (python -m moto.server) on loopback: DynamoDB and Secrets Manager
 * emulation for warren's AWS-mode store, so that `warren serve --aws` and warren's admin
 * commands (add_user, set_permissions, clear_permissions) share one store in the tests.
 */
final class MotoServer {
    final int port;
    private final Path logFile;
    private final Path pidFile;
    private Process process;

    MotoServer(Path runRoot) {
        this.port = BrokerNode.freePort();
        this.logFile = runRoot.resolve("moto.log");
        this.pidFile = runRoot.resolve("moto.pids");
    }

    /** The Python that has moto (WARREN_E2E_PYTHON, which e2e/run sets when it installs moto itself). */
    static String python() {
        return E2e.setting("warren.e2e.python", "WARREN_E2E_PYTHON", "python3");
    }

    /** Whether `python -m moto.server` can run here. */
    static boolean available() {
        return Proc.run(List.of(python(), "-c", "import moto.server"), Map.of(), Duration.ofSeconds(30)).ok();
    }

    /** Environment for AWS SDK clients pointed at this server. */
    Map<String, String> awsEnv() {
        return Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + port, "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "warren-e2e", "AWS_SECRET_ACCESS_KEY", "warren-e2e");
    }

    void start(Duration timeout) {
        try {
            process = new ProcessBuilder(python(), "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(logFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            Files.writeString(pidFile, process.pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start moto", e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto exited: " + tail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                sleep(100);
            }
        }
        throw new IllegalStateException("moto did not listen on " + port + " within " + timeout + ": " + tail());
    }

    void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
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

    private String tail() {
        try {
            String s = Files.readString(logFile);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
