package dev.warren.store.aws;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code moto_server} (DynamoDB and Secrets Manager on one port) on a free loopback port, started
 * for a test class and stopped by PID. It can be paused (SIGSTOP: calls hang, as in a network
 * blackout), resumed, killed and restarted on the same port (state is lost: re-import).
 * Install: {@code pip install 'moto[server]==5.2.1'}.
 */
public final class MotoServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private int port;
    private Process process;
    private File log;

    /** A server on a free loopback port, already listening; close it (or {@link #kill()}) when done. */
    public static MotoServer startOnFreePort() throws IOException, InterruptedException {
        MotoServer server = new MotoServer();
        server.beforeAll(null);
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        log = File.createTempFile("moto-", ".log");
        log.deleteOnExit();
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

    public void start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("moto_server is not on PATH: pip install 'moto[server]==5.2.1'", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("moto_server did not listen on port " + port + " within 60 s; see " + log);
    }

    /** SIGSTOP: the port stays open but nothing answers. */
    public void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    public void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    public void kill() {
        if (process != null && process.isAlive()) {
            try {
                signal("-CONT");
            } catch (IOException | InterruptedException e) {
                // being killed anyway
            }
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
        }
    }
}
