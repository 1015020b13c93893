package dev.warren.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Floods and slow clients, bounded in count and time (the short form that runs in {@code make
 * test}; ServeFloodIT runs the full flood against the real process with a 256 MiB heap). Every
 * assertion is about behaviour: answered, closed, alive.
 */
@Timeout(120)
class AuthServerAbuseTest {

    static final String VHOST_CHECK = "GET /auth/vhost?username=app&vhost=orders HTTP/1.1\r\nHost: x\r\n\r\n";
    private static final HttpLimits SHORT = HttpLimits.DEFAULTS.withTimeouts(Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(60));

    @Test
    void oversizedHeadFloodAndASlowClientLeaveOthersAnswered() throws Exception {
        // a cap above the flood, so that the slow client meets its head deadline rather than being closed to make room
        try (AuthServer server = SampleEdge.start(SHORT.withMaxConnections(1024));
             Flood flood = Flood.oversizedHeads(server.address(), 400)) {
            SlowClient slow = SlowClient.start(server.address());
            for (int i = 0; i < 40; i++) {
                assertThat(FloodClients.ask(server.address(), VHOST_CHECK)).as("request %d during the flood", i)
                        .startsWith("HTTP/1.1 200 ").endsWith("allow");
            }
            assertThat(slow.awaitCutOff(Duration.ofSeconds(30))).as("the slow client is cut off")
                    .startsWith("HTTP/1.1 408 ");
            flood.awaitSent();
            assertThat(flood.closedByServer()).as("every flood connection cut off by the server").isEqualTo(400);
            assertThat(flood.answered431()).as("answered 431 (a reset may swallow a few)").isPositive();
            assertThat(FloodClients.ask(server.address(), VHOST_CHECK)).endsWith("allow");
        }
    }

    @Test
    void beyondTheCapIdleKeepAliveConnectionsMakeRoom() throws Exception {
        try (AuthServer server = SampleEdge.start(SHORT.withMaxConnections(4))) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket("127.0.0.1", server.address().getPort());
                    s.setSoTimeout(10_000);
                    s.getOutputStream().write(VHOST_CHECK.getBytes(StandardCharsets.US_ASCII));
                    assertThat(FloodClients.readResponse(s.getInputStream())).endsWith("allow");
                    idle.add(s);
                }
                assertThat(server.openConnections()).isEqualTo(4);
                assertThat(FloodClients.ask(server.address(), VHOST_CHECK)).as("a fifth client").endsWith("allow");
                assertThat(idle.stream().filter(FloodClients::closedByServer).count())
                        .as("idle keep-alive connections closed to make room").isPositive();
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
        }
    }

    @Test
    void beyondTheCapTheLongestSlowSenderMakesRoom() throws Exception {
        HttpLimits patient = SHORT.withMaxConnections(4).withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(60));
        try (AuthServer server = SampleEdge.start(patient)) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket("127.0.0.1", server.address().getPort());
                    s.getOutputStream().write("GET /auth/vhost HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                    slow.add(s);
                }
                Socket waiting = new Socket("127.0.0.1", server.address().getPort());
                waiting.setSoTimeout(30_000);
                waiting.getOutputStream().write(VHOST_CHECK.getBytes(StandardCharsets.US_ASCII));
                assertThat(server.openConnections()).isLessThanOrEqualTo(4);
                assertThat(FloodClients.readResponse(waiting.getInputStream()))
                        .as("answered long before the 60 s head deadline").endsWith("allow");
                waiting.close();
                assertThat(slow.stream().filter(FloodClients::closedByServer).count())
                        .as("exactly one slow sender closed to make room").isEqualTo(1);
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aFloodOfSlowSendersBeyondTheCapLeavesOthersAnswered() throws Exception {
        try (AuthServer server = SampleEdge.start(SHORT.withMaxConnections(32));
             Flood flood = Flood.slowHeads(server.address(), 64)) {
            for (int i = 0; i < 10; i++) {
                assertThat(FloodClients.ask(server.address(), VHOST_CHECK)).as("request %d", i).endsWith("allow");
            }
            flood.awaitSent();
            assertThat(flood.closedByServer()).as("every slow sender cut off").isEqualTo(64);
        }
    }

    @Test
    void theAcceptLoopSurvivesAnyThrowable() throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        FailingServerSocket socket = new FailingServerSocket(3);
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        try (AuthServer server = AuthServer.start(socket, SampleEdge.create(), SHORT,
                new PrintStream(errors, true, StandardCharsets.UTF_8))) {
            assertThat(FloodClients.ask(server.address(), VHOST_CHECK)).endsWith("allow");
            assertThat(errors.toString(StandardCharsets.UTF_8)).contains("OutOfMemoryError").contains("retrying");
        }
    }

    @Test
    void theAcceptLoopBacksOffInsteadOfSpinningWhenAcceptKeepsFailing() throws Exception {
        FailingServerSocket socket = new FailingServerSocket(Integer.MAX_VALUE);
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        try (AuthServer server = AuthServer.start(socket, SampleEdge.create(), SHORT,
                new PrintStream(OutputStream.nullOutputStream()))) {
            Thread.sleep(1_500);
            // a loop without back-off calls accept millions of times a second (98% CPU when out of fds)
            assertThat(socket.calls.get()).isBetween(2, 40);
        }
    }

    /** Fails its first {@code failures} accepts: an OutOfMemoryError, then "Too many open files". */
    static final class FailingServerSocket extends ServerSocket {
        final AtomicInteger calls = new AtomicInteger();
        private final int failures;

        FailingServerSocket(int failures) throws IOException {
            this.failures = failures;
        }

        @Override
        public Socket accept() throws IOException {
            int call = calls.incrementAndGet();
            if (call == 1) {
                throw new OutOfMemoryError("simulated");
            }
            if (call <= failures) {
                throw new IOException("Too many open files");
            }
            return super.accept();
        }
    }

    /** A client sending a request head one byte a second. */
    static final class SlowClient {
        private final Socket socket;
        private final Thread writer;

        private SlowClient(Socket socket) {
            this.socket = socket;
            this.writer = Thread.ofVirtual().start(this::trickle);
        }

        static SlowClient start(InetSocketAddress server) throws IOException {
            return new SlowClient(new Socket(server.getAddress(), server.getPort()));
        }

        private void trickle() {
            try {
                OutputStream out = socket.getOutputStream();
                for (byte b : VHOST_CHECK.getBytes(StandardCharsets.US_ASCII)) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(1_000);
                }
            } catch (IOException | InterruptedException e) {
                // cut off by the server (or the test is over)
            }
        }

        /** What the server sent before it closed the connection. */
        String awaitCutOff(Duration bound) throws IOException {
            try (socket) {
                socket.setSoTimeout((int) bound.toMillis());
                InputStream in = socket.getInputStream();
                return FloodClients.readAll(in);
            } finally {
                writer.interrupt();
            }
        }
    }
}
