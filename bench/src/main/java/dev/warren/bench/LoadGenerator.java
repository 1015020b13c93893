package dev.warren.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded load test against a warren server on loopback: C keep-alive connections, each
 * sending broker-style POSTs (a mix of the four paths) for D seconds, then stopping. Prints
 * throughput and latency percentiles. Refuses any host that is not loopback.
 *
 * <p>WRONG_PERMILLE (default 0) replaces that many requests in every thousand by wrong logins from
 * a few misconfigured clients (each retrying its one stale password, as a client with an old
 * secret does); those expect {@code deny}, every other request {@code allow}.
 *
 * <p>WARMUP seconds (default 0) run the same load first without measuring it: the steady state
 * (JIT compiled, caches filled, each stale password refused once already) is what is compared.
 *
 * <p>RATE (default 0) chooses the model. 0 is a closed loop: each connection sends its next
 * request as soon as the answer arrives, so the server is saturated and the figures say how it
 * shares a saturated machine. A positive RATE is an open loop, as a broker's clients are: RATE
 * requests a second in all, each connection sending on a fixed schedule whether or not earlier
 * answers were late, and each latency counted from the request's scheduled time (a stalled server
 * cannot hide the requests that queued behind the stall).
 *
 * <pre>java -cp warren-bench.jar dev.warren.bench.LoadGenerator http://127.0.0.1:8080 16 20 [WRONG_PERMILLE [WARMUP [RATE]]]</pre>
 */
public final class LoadGenerator {

    private static final String[][] REQUESTS = {
        {"/auth/user", "username=app&password=app-secret"},
        {"/auth/vhost", "username=app&vhost=%2F&ip=127.0.0.1&tags="},
        {"/auth/resource", "username=app&vhost=%2F&resource=queue&name=app.orders&permission=configure&tags="},
        {"/auth/resource", "username=app&vhost=%2F&resource=exchange&name=amq.default&permission=write&tags="},
        {"/auth/topic", "username=sensor-1&vhost=iot&resource=topic&name=amq.topic&permission=write"
                + "&routing_key=sensors.sensor-1.t&variable_map.username=sensor-1&variable_map.vhost=iot"},
    };

    /** The stale credentials of three misconfigured clients. */
    private static final String[] WRONG_LOGINS = {
        "username=app&password=last-years-secret", "username=admin&password=admin-secret-old",
        "username=ghost&password=never-existed"};

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int wrongPerMille = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        int rate = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        InetAddress address = InetAddress.getByName(url.getHost());
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("load tests target loopback only, not " + address);
        }
        long measureFrom = System.nanoTime() + warmup * 1_000_000_000L;
        long deadline = measureFrom + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            long[] samples = new long[5_000_000];
            perThread.add(samples);
            int offset = c;
            Schedule schedule = Schedule.of(rate, connections, c);
            threads.add(Thread.ofPlatform().start(() -> run(address, url.getPort(), measureFrom, deadline, samples, offset,
                    wrongPerMille, schedule, errors)));
        }
        for (Thread t : threads) {
            t.join();
        }
        long total = 0;
        for (long[] s : perThread) {
            total += s[0];
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (long[] s : perThread) {
            System.arraycopy(s, 1, all, at, (int) s[0]);
            at += (int) s[0];
        }
        Arrays.sort(all);
        System.out.printf("connections=%d duration=%ds wrong_logins=%d/1000 %s requests=%d errors=%d throughput=%.0f req/s%n",
                connections, seconds, wrongPerMille, rate > 0 ? "open_loop_rate=" + rate : "closed_loop", total,
                errors.get(), total / (double) seconds);
        System.out.printf("latency p50=%.3f ms p90=%.3f ms p99=%.3f ms p99.9=%.3f ms max=%.3f ms%n",
                Percentiles.millis(all, 0.50), Percentiles.millis(all, 0.90), Percentiles.millis(all, 0.99),
                Percentiles.millis(all, 0.999), Percentiles.maxMillis(all));
    }

    /** samples[0] holds the count; latencies in ns follow. */
    private static void run(InetAddress address, int port, long measureFrom, long deadline, long[] samples,
                            int offset, int wrongPerMille, Schedule schedule, AtomicLong errors) {
        int i = offset;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(address, port)) {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(5_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                while (System.nanoTime() < deadline && samples[0] < samples.length - 1) {
                    boolean wrong = (i * 7919L) % 1000 < wrongPerMille;
                    String[] r = wrong ? new String[] {"/auth/user", WRONG_LOGINS[i % WRONG_LOGINS.length]}
                            : REQUESTS[i % REQUESTS.length];
                    i++;
                    byte[] body = r[1].getBytes(StandardCharsets.US_ASCII);
                    String head = "POST " + r[0] + " HTTP/1.1\r\nHost: warren\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                            + "\r\n\r\n";
                    byte[] message = Arrays.copyOf(head.getBytes(StandardCharsets.US_ASCII),
                            head.length() + body.length);
                    System.arraycopy(body, 0, message, head.length(), body.length);
                    long start = schedule.next();
                    out.write(message);
                    out.flush();
                    String answer = readResponse(in);
                    long took = System.nanoTime() - start;
                    if (start < measureFrom) {
                        continue;
                    }
                    if (answer.startsWith("allow") == wrong) {
                        errors.incrementAndGet();
                    }
                    samples[(int) ++samples[0]] = took;
                }
            } catch (IOException e) {
                if (System.nanoTime() >= measureFrom) {
                    errors.incrementAndGet();
                }
            }
        }
    }

    /** When each request of one connection is due: now (closed loop) or on a fixed schedule (open loop). */
    private static final class Schedule {
        private final long interval;
        private long due;

        private Schedule(long interval, long first) {
            this.interval = interval;
            this.due = first;
        }

        /** Connection {@code index} of {@code connections} sharing {@code rate} requests a second; 0: closed loop. */
        static Schedule of(int rate, int connections, int index) {
            if (rate <= 0) {
                return new Schedule(0, 0);
            }
            long interval = 1_000_000_000L * connections / rate;
            return new Schedule(interval, System.nanoTime() + interval * index / connections);
        }

        /** Waits until the next request is due and returns its due time (the start of its latency). */
        long next() {
            if (interval == 0) {
                return System.nanoTime();
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long start = due;
            due += interval;
            return start;
        }
    }

    private static String readResponse(InputStream in) throws IOException {
        int length = -1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b == '\n') {
                String l = line.toString().strip();
                line.setLength(0);
                if (l.isEmpty()) {
                    break;
                }
                if (l.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(l.substring(15).strip());
                }
            } else {
                line.append((char) b);
            }
        }
        return new String(in.readNBytes(Math.max(length, 0)), StandardCharsets.US_ASCII);
    }
}
