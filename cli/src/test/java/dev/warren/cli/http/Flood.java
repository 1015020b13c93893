package dev.warren.cli.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many connections sending what the server must cut off, each then holding the connection open
 * and reading whatever the server answers until it closes: {@link #oversizedHeads} (a head of
 * 32,000 tiny header lines, the attack of issue #10 that once held ~2.4 MB of heap per
 * connection) or {@link #slowHeads} (a head sent one byte a second).
 */
final class Flood implements AutoCloseable {

    static final int HEADER_LINES = 32_000;
    private static final byte[] HEAD = ("POST /auth/user HTTP/1.1\r\nHost: x\r\n" + "a:b\r\n".repeat(HEADER_LINES))
            .getBytes(StandardCharsets.US_ASCII);

    private final List<Socket> sockets = new ArrayList<>();
    private final ConcurrentLinkedQueue<Thread> threads = new ConcurrentLinkedQueue<>();
    private final CountDownLatch done;
    private final AtomicInteger answered431 = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    private Flood(int connections) {
        this.done = new CountDownLatch(connections);
    }

    /** A sender: writes to the connection until done or until the server closes it. */
    private interface Sender {
        void send(OutputStream out) throws IOException, InterruptedException;
    }

    /** Opens {@code connections} connections (all before returning), each sending the 32,000-line head. */
    static Flood oversizedHeads(InetSocketAddress server, int connections) throws IOException {
        return start(server, connections, out -> out.write(HEAD));
    }

    /** Opens {@code connections} connections, each sending a request head one byte a second. */
    static Flood slowHeads(InetSocketAddress server, int connections) throws IOException {
        return start(server, connections, out -> {
            for (byte b : AuthServerAbuseTest.VHOST_CHECK.getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                Thread.sleep(1_000);
            }
        });
    }

    private static Flood start(InetSocketAddress server, int connections, Sender sender) throws IOException {
        Flood flood = new Flood(connections);
        for (int i = 0; i < connections; i++) {
            Socket s = new Socket(server.getAddress(), server.getPort());
            s.setSoTimeout(60_000);
            flood.sockets.add(s);
            flood.threads.add(Thread.ofVirtual().start(() -> flood.run(s, sender)));
        }
        return flood;
    }

    private void run(Socket s, Sender sender) {
        try {
            try {
                OutputStream out = s.getOutputStream();
                sender.send(out);
                out.flush();
            } catch (IOException e) {
                // the server answered and closed before everything was written
            } catch (InterruptedException e) {
                return; // the test is over
            }
            String answer = FloodClients.readAll(s.getInputStream());
            if (answer.startsWith("HTTP/1.1 431 ")) {
                answered431.incrementAndGet();
            }
            closed.incrementAndGet();
        } catch (IOException e) {
            // a read timeout: the connection was still held open when the bound passed
        } finally {
            done.countDown();
        }
    }

    /** Waits (bounded: 90 s) until every flood connection has been closed by the server. */
    void awaitSent() throws InterruptedException {
        done.await(90, TimeUnit.SECONDS);
    }

    int answered431() {
        return answered431.get();
    }

    /** Connections the server closed (with an answer, or with none, or a reset that swallowed it). */
    int closedByServer() {
        return closed.get();
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
