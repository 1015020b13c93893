package dev.warren.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A wrong-login flood on loopback: FLOOD clients each send wrong logins (a new password every time,
 * so no cache helps) for SECONDS, while one more client sends {@code /auth/vhost} checks one after
 * another; prints the probe's latency percentiles and how the flood was answered. The probe runs
 * alone for a quarter of SECONDS first, so the same run also shows its latency without the flood.
 *
 * <pre>java -cp warren-bench.jar dev.warren.bench.LoginFlood http://127.0.0.1:8080 6 20</pre>
 */
public final class LoginFlood {

    private LoginFlood() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        int floodClients = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("load tests target loopback only, not " + url.getHost());
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> alone = new ArrayList<>();
        long baselineEnd = System.nanoTime() + seconds * 250_000_000L;
        long baselineErrors = probe(client, url, baselineEnd, alone);
        print("vhost probe alone", alone, baselineErrors);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Map<String, AtomicLong> floodAnswers = new ConcurrentHashMap<>();
        AtomicLong floodNanos = new AtomicLong();
        List<Thread> flood = new ArrayList<>();
        for (int c = 0; c < floodClients; c++) {
            int id = c;
            flood.add(Thread.ofPlatform().start(() -> {
                for (long i = 0; System.nanoTime() < deadline; i++) {
                    long start = System.nanoTime();
                    String answer = post(client, url, "/auth/user", "username=admin&password=guess-" + id + "-" + i);
                    floodNanos.addAndGet(System.nanoTime() - start);
                    floodAnswers.computeIfAbsent(answer, a -> new AtomicLong()).incrementAndGet();
                }
            }));
        }
        List<Long> during = new ArrayList<>();
        long probeErrors = probe(client, url, deadline, during);
        for (Thread t : flood) {
            t.join();
        }
        long floodTotal = floodAnswers.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("flood clients=%d duration=%ds flood answers=%s (%.1f req/s, mean %.0f ms)%n", floodClients,
                seconds, floodAnswers, floodTotal / (double) seconds, floodNanos.get() / 1e6 / Math.max(1, floodTotal));
        print("vhost probe during the flood", during, probeErrors);
    }

    /** Sends vhost checks one after another until the deadline; returns how many were not {@code allow}. */
    private static long probe(HttpClient client, URI url, long deadline, List<Long> nanos) {
        long errors = 0;
        while (System.nanoTime() < deadline) {
            long start = System.nanoTime();
            String answer = post(client, url, "/auth/vhost", "username=app&vhost=%2F");
            nanos.add(System.nanoTime() - start);
            if (!answer.equals("200 allow")) {
                errors++;
            }
        }
        return errors;
    }

    private static void print(String what, List<Long> nanos, long errors) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        System.out.printf("%s: n=%d errors=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms%n", what, sorted.length,
                errors, Percentiles.millis(sorted, 0.5), Percentiles.millis(sorted, 0.9), Percentiles.millis(sorted, 0.99),
                Percentiles.maxMillis(sorted));
    }

    private static String post(HttpClient client, URI url, String path, String body) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(url.resolve(path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (IOException e) {
            return "failed: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
