package dev.warren.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A latency benchmark through a real broker, not a test: run by {@code e2e/bench} ({@code make
 * broker-bench}), skipped unless {@code -Dwarren.e2e.bench=true}, and its name matches none of
 * surefire's default includes, so `make e2e` and `make test` never run it.
 *
 * <p>It reuses the e2e environment ({@link E2e}: the private nodes, warren serve, the fixtures)
 * and, node after node (never two at once), times with one amqp-client, as user {@code app}:
 * <ol>
 *   <li><b>connect</b>: {@code newConnection()} on vhost {@code /}: TCP, AMQP handshake, login
 *       (user check) and vhost check;</li>
 *   <li><b>queue.declare</b>: redeclaring the durable fixture {@code app.q} on a fresh channel
 *       (the channel's permission cache starts empty): one configure check;</li>
 *   <li><b>publish + confirm</b>: {@code basic.publish} to the topic exchange {@code app.events}
 *       with routing key {@code orders.bench} on a fresh channel in confirm mode, timed until the
 *       confirm arrives: a write check on the exchange and a topic write check.</li>
 * </ol>
 * Opening and closing the connection / channel around the timed call is not timed. Every
 * operation first runs WARMUP times untimed on every node, then N timed per node, each bounded by
 * a time budget.
 *
 * <p>Settings (system property / environment): warren.e2e.bench.n / WARREN_E2E_BENCH_N (300),
 * warren.e2e.bench.warmup / WARREN_E2E_BENCH_WARMUP (50), warren.e2e.bench.budget /
 * WARREN_E2E_BENCH_BUDGET (seconds per node and operation, 60). The table is printed and written
 * to e2e/target/broker-bench.md.
 */
@ExtendWith(E2eExtension.class)
@EnabledIfSystemProperty(named = "warren.e2e.bench", matches = "true")
class BrokerLatencyBench {
    static final String USER = "app";
    static final String PASSWORD = "app-secret";
    static final String VHOST = "/";
    static final String QUEUE = "app.q";
    static final String EXCHANGE = "app.events";
    static final String ROUTING_KEY = "orders.bench";

    /** Nodes in table order: the oracle first, each warren node next to its comparison. */
    static final List<BrokerNode.Profile> ORDER = List.of(E2e.ORACLE, E2e.ORACLE_CACHE, E2e.WARREN_POST,
            E2e.WARREN_POST_CACHE, E2e.WARREN_GET);

    enum Op {
        CONNECT("connect (login + vhost)"),
        DECLARE("queue.declare, fresh channel (configure)"),
        PUBLISH("publish + confirm, topic exchange (write + topic)");

        final String label;

        Op(String label) {
            this.label = label;
        }
    }

    record Row(BrokerNode.Profile profile, String asks, Op op, int n, int errors, String firstError, long[] nanos,
            double wallSeconds) {
        double pct(double p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * nanos.length) - 1; // nearest rank
            return nanos[Math.max(0, Math.min(nanos.length - 1, i))] / 1e6;
        }

        double max() {
            return nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6;
        }

        /** One client, one operation at a time: N / (sum of the timed latencies) = 1 / mean. */
        double opsPerSecond() {
            long sum = 0;
            for (long x : nanos) {
                sum += x;
            }
            return sum == 0 ? Double.NaN : nanos.length / (sum / 1e9);
        }
    }

    @Test
    @DisplayName("latency of connect, queue.declare and publish+confirm through each broker configuration")
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void latency(E2e e2e) throws Exception {
        int n = bounded(E2eSettings.setting("warren.e2e.bench.n", "WARREN_E2E_BENCH_N", "300"), 1, 100_000);
        int warmup = bounded(E2eSettings.setting("warren.e2e.bench.warmup", "WARREN_E2E_BENCH_WARMUP", "50"), 0, 100_000);
        long budgetNanos = TimeUnit.SECONDS.toNanos(
                bounded(E2eSettings.setting("warren.e2e.bench.budget", "WARREN_E2E_BENCH_BUDGET", "60"), 1, 600));
        System.out.printf("[bench] %d timed after %d warm-up per node and operation, budget %d s each, as %s on vhost %s%n",
                n, warmup, TimeUnit.NANOSECONDS.toSeconds(budgetNanos), USER, VHOST);

        // Warm-up first, on every node (untimed): the broker, warren's JIT and the client are all
        // warm before the first timed operation, whichever node comes first.
        String brokerVersion = "?";
        for (BrokerNode.Profile p : ORDER) {
            ConnectionFactory f = factory(e2e.node(p).amqpPort);
            try (Connection c = f.newConnection("warren-bench-version")) {
                brokerVersion = String.valueOf(c.getServerProperties().get("version"));
            }
            for (Op op : Op.values()) {
                Row r = measure(f, p, "", op, warmup, 0, budgetNanos);
                assertThat(r.errors()).as("warm-up on %s, %s (first: %s)", p.describe(), op, r.firstError()).isZero();
            }
        }
        System.out.printf("[bench] warm-up done (%d per node and operation)%n", warmup);

        List<Row> rows = new ArrayList<>();
        for (BrokerNode.Profile p : ORDER) {
            BrokerNode node = e2e.node(p);
            String asks = p.backend() == BrokerNode.Backend.INTERNAL ? "the broker's internal database"
                    : e2e.warrenFor(p).name.equals("file")
                            ? "`warren serve --definitions e2e/definitions.json` (in-process DynamoDB Local, default caches)"
                            : "`warren serve --aws` (" + e2e.awsStore + " store, the e2e harness's 1-2 s caches)";
            ConnectionFactory f = factory(node.amqpPort);
            for (Op op : Op.values()) {
                Row r = measure(f, p, asks, op, n, 0, budgetNanos);
                rows.add(r);
                System.out.printf(Locale.ROOT, "[bench] %-18s %-8s n=%d errors=%d p50=%.2f p99=%.2f max=%.2f ms (%.1f s)%s%n",
                        p.name(), op, r.n(), r.errors(), r.pct(50), r.pct(99), r.max(), r.wallSeconds(),
                        r.firstError() == null ? "" : " first error: " + r.firstError());
            }
        }

        String table = table(rows, n, warmup, brokerVersion);
        System.out.println();
        System.out.println(table);
        Path out = e2e.repo.resolve("e2e/target/broker-bench.md");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, table, StandardCharsets.UTF_8);
            System.out.println("[bench] table written to " + out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Row r : rows) {
            assertThat(r.errors()).as("errors on %s, %s (first: %s)", r.profile().describe(), r.op(), r.firstError())
                    .isZero();
        }
    }

    private static ConnectionFactory factory(int port) {
        return AmqpProbe.connectionFactory(port, USER, PASSWORD, VHOST);
    }

    /** WARMUP untimed then up to N timed iterations, stopping at the first error or when the budget is spent. */
    private static Row measure(ConnectionFactory f, BrokerNode.Profile p, String asks, Op op, int n, int warmup,
            long budgetNanos) throws Exception {
        long[] nanos = new long[Math.max(n, 0)];
        int done = 0;
        int errors = 0;
        String firstError = null;
        byte[] body = "warren-bench".getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Connection shared = op == Op.CONNECT ? null : f.newConnection("warren-bench-" + op.name().toLowerCase(Locale.ROOT));
        try {
            for (int i = 0; i < warmup + n; i++) {
                if (System.nanoTime() - start > budgetNanos) {
                    System.out.printf("[bench] %s %s: time budget spent after %d iterations%n", p.name(), op, i);
                    break;
                }
                long t;
                try {
                    t = once(f, shared, op, body);
                } catch (Exception e) {
                    errors++;
                    firstError = e.toString();
                    break; // a refused or broken operation: nothing left to measure
                }
                if (i >= warmup) {
                    nanos[done++] = t;
                }
            }
        } finally {
            if (shared != null && shared.isOpen()) {
                shared.close();
            }
        }
        long[] measured = Arrays.copyOf(nanos, done);
        Arrays.sort(measured);
        return new Row(p, asks, op, done, errors, firstError, measured, (System.nanoTime() - start) / 1e9);
    }

    /** One operation; returns the nanoseconds of its timed part. */
    private static long once(ConnectionFactory f, Connection shared, Op op, byte[] body) throws Exception {
        switch (op) {
            case CONNECT -> {
                long t0 = System.nanoTime();
                Connection c = f.newConnection("warren-bench");
                long t = System.nanoTime() - t0;
                c.close();
                return t;
            }
            case DECLARE -> {
                Channel ch = shared.createChannel();
                long t0 = System.nanoTime();
                ch.queueDeclare(QUEUE, true, false, false, null); // the fixture's own arguments
                long t = System.nanoTime() - t0;
                ch.close();
                return t;
            }
            case PUBLISH -> {
                Channel ch = shared.createChannel();
                ch.confirmSelect();
                long t0 = System.nanoTime();
                ch.basicPublish(EXCHANGE, ROUTING_KEY, null, body);
                ch.waitForConfirmsOrDie(10_000);
                long t = System.nanoTime() - t0;
                ch.close();
                return t;
            }
            default -> throw new IllegalStateException(op.name());
        }
    }

    static String table(List<Row> rows, int n, int warmup, String brokerVersion) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT,
                "RabbitMQ %s, amqp-client, user `%s`, one operation at a time; %d timed after %d warm-up; %d CPUs shared by"
                        + " broker, warren and client; ms.%n%n",
                brokerVersion, USER, n, warmup, Runtime.getRuntime().availableProcessors()));
        b.append("| operation | broker auth | n | p50 | p90 | p99 | max | ops/s |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Op op : Op.values()) {
            for (Row r : rows) {
                if (r.op() != op) {
                    continue;
                }
                b.append(String.format(Locale.ROOT, "| %s | %s | %d%s | %s | %s | %s | %s | %s |%n", op.label,
                        auth(r.profile()), r.n(), r.errors() > 0 ? " (" + r.errors() + " error)" : "",
                        ms(r.pct(50)), ms(r.pct(90)), ms(r.pct(99)), ms(r.max()),
                        Double.isNaN(r.opsPerSecond()) ? "-" : String.format(Locale.ROOT, "%,.0f", r.opsPerSecond())));
            }
        }
        b.append('\n');
        for (Row r : rows) {
            if (r.op() == Op.CONNECT) {
                b.append("- ").append(auth(r.profile())).append(": node `").append(r.profile().name()).append("`, ")
                        .append("asks ").append(r.asks()).append('\n');
            }
        }
        return b.toString();
    }

    private static String auth(BrokerNode.Profile p) {
        String backend = p.backend() == BrokerNode.Backend.HTTP ? "warren, http " + p.httpMethod().toUpperCase(Locale.ROOT)
                : "internal";
        return p.cache() ? "cache (" + BrokerNode.CACHE_TTL_MS + " ms) → " + backend : backend;
    }

    private static String ms(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    private static int bounded(String v, int min, int max) {
        int x = Integer.parseInt(v.trim());
        if (x < min || x > max) {
            throw new IllegalArgumentException(v + " is outside [" + min + ", " + max + "]");
        }
        return x;
    }
}
