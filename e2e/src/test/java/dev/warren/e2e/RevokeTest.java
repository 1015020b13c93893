package dev.warren.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.e2e.AmqpProbe.Result;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code warren revoke}: a user with an open connection is disabled in the store, its connection is
 * closed through the broker's management HTTP API (the management login itself goes through
 * warren), and a reconnect is refused once warren's short e2e policy cache has expired.
 */
@Order(6)
@ExtendWith(E2eExtension.class)
class RevokeTest {

    @Test
    @DisplayName("revoke closes a connected user's connection through the management API; a reconnect is refused")
    void revokeClosesOpenConnections(E2e e2e) throws Exception {
        String[] why = new String[1];
        AdminActions admin = e2e.warrenAdmin(E2e.WARREN_POST, why);
        Assumptions.assumeTrue(admin != null, "skipped: " + why[0]);
        BrokerNode node = e2e.node(E2e.WARREN_POST);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String user = "revokee-" + suffix;
        String password = "pw-" + suffix;
        admin.addUser(user, password);
        admin.setPermissions("orders", user, ".*", ".*", ".*");

        Connection connection = connect(node, user, password, e2e.changeTimeout);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<ShutdownSignalException> signal = new AtomicReference<>();
        connection.addShutdownListener(s -> {
            signal.set(s);
            closed.countDown();
        });

        // The management API lists a connection only once its stats reach the management database
        // (collect_statistics_interval, 5 s by default): wait for it, as an operator would see it.
        assertThat(awaitListed(node, user, e2e.changeTimeout)).as("management API lists the connection").isTrue();

        Proc.Result revoke = e2e.warrenAdminRun(Map.of("WARREN_MANAGEMENT_USER", E2e.ADMIN_USER,
                        "WARREN_MANAGEMENT_PASSWORD", E2e.ADMIN_PASSWORD),
                "revoke", user, "--management-url", "http://127.0.0.1:" + node.managementPort);
        System.out.println("[e2e] warren revoke " + user + ":\n" + revoke.output());
        assertThat(revoke.ok()).as(revoke.output()).isTrue();
        assertThat(revoke.output()).contains("Disabling user \"" + user + "\"", "Closed connection '",
                "Closed 1 connection(s)", "WARREN_POLICY_TTL_SECONDS", "cache_ttl");

        assertThat(closed.await(30, TimeUnit.SECONDS)).as("the open connection is closed").isTrue();
        assertThat(connection.isOpen()).isFalse();
        assertThat(signal.get().getMessage()).contains("access revoked");

        long deadline = System.nanoTime() + e2e.changeTimeout.toNanos();
        Result reconnect;
        do {
            reconnect = AmqpProbe.run(node.amqpPort, user, password, "orders", new Action.Connect());
        } while (reconnect.outcome() != Outcome.ACCESS_REFUSED && System.nanoTime() < deadline && pause());
        assertThat(reconnect.outcome()).as("reconnect after revoke: %s", reconnect).isEqualTo(Outcome.ACCESS_REFUSED);
    }

    /** The new user's first successful connection (its unknown-user answer may still be cached for a moment). */
    private static Connection connect(BrokerNode node, String user, String password, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return AmqpProbe.connectionFactory(node.amqpPort, user, password, "orders").newConnection("revoke-e2e");
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                pause();
            }
        }
    }

    /** True once {@code GET /api/connections} names the user. */
    private static boolean awaitListed(BrokerNode node, String user, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String auth = Base64.getEncoder().encodeToString((E2e.ADMIN_USER + ":" + E2e.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest list = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.managementPort
                + "/api/connections")).header("Authorization", "Basic " + auth).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            HttpResponse<String> response = client.send(list, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("\"user\":\"" + user + "\"")) {
                return true;
            }
        } while (System.nanoTime() < deadline && pause());
        return false;
    }

    private static boolean pause() {
        try {
            Thread.sleep(250);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
