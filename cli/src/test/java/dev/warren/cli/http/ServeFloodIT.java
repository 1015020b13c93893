package dev.warren.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.cli.ServeProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #10's flood against {@code warren serve} as the launcher runs it, with a 256 MiB heap:
 * rounds of 400 connections each sending a 32,000-line request head and holding on, with one
 * more client sending its head one byte a second all along; then 400 connections (more than the
 * 256 connection cap) each sending its head one byte a second. Asserts behaviour only (every other client answered,
 * every flood connection and the slow client cut off, the process alive and answering after);
 * the figures it measures go to {@code target/flood-report.txt} (docs/benchmarks.md).
 */
@Timeout(300)
class ServeFloodIT {

    private static final int ROUNDS = 3;
    private static final int CONNECTIONS = 400;
    private static final int PROBES = 100;

    @Test
    void floodsAndASlowClientLeaveA256MiBServeAnswering() throws Exception {
        try (ServeProcess serve = ServeProcess.start(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                "--definitions", Path.of("..", "examples", "definitions.json").toString(), "--port", "0")) {
            String url = serve.awaitUrl();
            assertThat(url).as("listening line in %s", serve.output()).isNotNull();
            URI uri = URI.create(url);
            InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
            List<String> report = new ArrayList<>();
            report.add(probe(address, "idle"));

            long slowStarted = System.nanoTime();
            AuthServerAbuseTest.SlowClient slow = AuthServerAbuseTest.SlowClient.start(address);
            for (int round = 1; round <= ROUNDS; round++) {
                long floodStarted = System.nanoTime();
                try (Flood flood = Flood.oversizedHeads(address, CONNECTIONS)) {
                    report.add(probe(address, "round " + round + ", during the flood"));
                    flood.awaitSent();
                    assertThat(flood.closedByServer()).as("round %d: flood connections cut off", round)
                            .isEqualTo(CONNECTIONS);
                    report.add(String.format(Locale.ROOT, "round %d: %d connections x %,d header lines: all closed "
                            + "by the server within %.1f s, %d of them with a 431 read by the client (the rest reset "
                            + "before the client read it)", round, CONNECTIONS, Flood.HEADER_LINES,
                            seconds(floodStarted), flood.answered431()));
                }
                assertThat(serve.process().isAlive()).as("alive after round %d", round).isTrue();
            }
            String cut = slow.awaitCutOff(Duration.ofSeconds(30));
            // 408 at the head deadline, or closed earlier to make room while the flood filled every slot
            assertThat(cut).as("the one-byte-a-second client is cut off").satisfiesAnyOf(
                    c -> assertThat(c).startsWith("HTTP/1.1 408 "), c -> assertThat(c).isEmpty());
            report.add(String.format(Locale.ROOT, "one byte a second: %s %.1f s after it connected",
                    cut.isEmpty() ? "closed to make room" : "408 and closed", seconds(slowStarted)));
            long slowFloodStarted = System.nanoTime();
            try (Flood flood = Flood.slowHeads(address, CONNECTIONS)) {
                report.add(probe(address, "during a flood of " + CONNECTIONS + " one-byte-a-second clients (cap 256)"));
                flood.awaitSent();
                assertThat(flood.closedByServer()).as("slow flood connections cut off").isEqualTo(CONNECTIONS);
                report.add(String.format(Locale.ROOT, "%d one-byte-a-second connections: all closed by the server "
                        + "within %.1f s (the oldest closed to make room for new clients, the rest at the 10 s head "
                        + "deadline)", CONNECTIONS, seconds(slowFloodStarted)));
            }
            report.add(probe(address, "after the floods"));
            report.add("process alive: " + serve.process().isAlive() + ", heap limit 256 MiB");
            assertThat(serve.process().isAlive()).isTrue();
            assertThat(serve.stop()).as("stops on SIGTERM").isTrue();
            assertThat(serve.output()).doesNotContain("OutOfMemoryError");
            Files.write(Path.of("target", "flood-report.txt"), report, StandardCharsets.UTF_8);
            report.forEach(System.out::println);
        }
    }

    /** PROBES vhost checks one after another, each on a new connection; all must be answered allow. */
    private static String probe(InetSocketAddress address, String when) throws IOException {
        long[] micros = new long[PROBES];
        for (int i = 0; i < PROBES; i++) {
            long started = System.nanoTime();
            assertThat(FloodClients.ask(address, AuthServerAbuseTest.VHOST_CHECK)).as("probe %d, %s", i, when)
                    .startsWith("HTTP/1.1 200 ").endsWith("allow");
            micros[i] = (System.nanoTime() - started) / 1_000;
        }
        Arrays.sort(micros);
        return String.format(Locale.ROOT, "%s: %d/%d vhost checks answered allow, median %.2f ms, p90 %.2f ms, max %.2f ms",
                when, PROBES, PROBES, micros[PROBES / 2] / 1e3, micros[PROBES * 9 / 10] / 1e3, micros[PROBES - 1] / 1e3);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
