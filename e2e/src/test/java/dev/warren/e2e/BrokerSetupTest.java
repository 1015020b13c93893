package dev.warren.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The brokers really run the configuration each profile claims, so that the comparison means
 * something. Reads what {@link BrokerNodeSetup#NODE_PROBE} printed on each node: {auth_backends, http_method,
 * user_path, cached_backend, cache_ttl, internal users, vhosts, auth_amqp.timeout}.
 */
@Order(1)
@ExtendWith(E2eExtension.class)
class BrokerSetupTest {

    @Test
    @DisplayName("oracle: internal backend, loaded with the definitions, no guest")
    void oracle(E2e e2e) {
        assertThat(e2e.info(E2e.ORACLE)).startsWith("{{ok,[rabbit_auth_backend_internal]},")
                .contains("<<\"admin\">>", "<<\"app\">>", "<<\"sensor-1\">>", "<<\"ua\">>")
                .doesNotContain("<<\"guest\">>")
                .contains("<<\"iot\">>", "<<\"orders\">>");
    }

    @Test
    @DisplayName("oracle-cache: the cache plugin in front of the internal backend")
    void oracleCache(E2e e2e) {
        assertThat(e2e.info(E2e.ORACLE_CACHE)).startsWith("{{ok,[rabbit_auth_backend_cache]},")
                .contains("{ok,rabbit_auth_backend_internal}", "{ok," + BrokerNode.CACHE_TTL_MS + "}")
                .contains("<<\"admin\">>").doesNotContain("<<\"guest\">>");
    }

    private static String url(E2e e2e, BrokerNode.Profile p) {
        return "{ok,\"http://127.0.0.1:" + e2e.warrenFor(p).port + "/auth/user\"}";
    }

    @Test
    @DisplayName("warren's nodes: http backend pointed at warren serve, GET / POST, no internal users")
    void warrenNodes(E2e e2e) {
        assertThat(e2e.info(E2e.WARREN_GET)).startsWith("{{ok,[rabbit_auth_backend_http]},{ok,get},")
                .contains(url(e2e, E2e.WARREN_GET));
        assertThat(e2e.info(E2e.WARREN_POST)).startsWith("{{ok,[rabbit_auth_backend_http]},{ok,post},")
                .contains(url(e2e, E2e.WARREN_POST));
        assertThat(e2e.info(E2e.WARREN_POST_CACHE)).startsWith("{{ok,[rabbit_auth_backend_cache]},{ok,post},")
                .contains(url(e2e, E2e.WARREN_POST_CACHE))
                .contains("{ok,rabbit_auth_backend_http}", "{ok," + BrokerNode.CACHE_TTL_MS + "}");
        for (BrokerNode.Profile p : new BrokerNode.Profile[] {E2e.WARREN_GET, E2e.WARREN_POST, E2e.WARREN_POST_CACHE}) {
            assertThat(e2e.info(p)).as("internal users and vhosts on %s", p.describe())
                    .contains(",[],[").contains("<<\"iot\">>", "<<\"orders\">>");
        }
    }

    @Test
    @DisplayName("warren-amqp: internal backend (only the plugin's user) then the AMQP plugin built from source, with a timeout")
    void amqpNode(E2e e2e) {
        assertThat(e2e.info(E2e.WARREN_AMQP))
                .startsWith("{{ok,[rabbit_auth_backend_internal,rabbit_auth_backend_amqp]},")
                .contains(",[<<\"" + AmqpPlugin.PLUGIN_USER + "\">>],[")
                .contains("<<\"iot\">>", "<<\"orders\">>")
                .contains(",{ok," + AmqpPlugin.TIMEOUT_MS + "}}");
    }

    @Test
    @DisplayName("a node whose distribution port was taken before it booted starts on new ports")
    void nodeStartsWhenItsDistributionPortIsTaken(E2e e2e) throws IOException {
        BrokerNode node = new BrokerNode(new BrokerNode.Profile("port-taken", BrokerNode.Backend.INTERNAL, "post", false, false),
                e2e.runRoot, e2e.repo.resolve("e2e/broker.sh"), Long.toString(ProcessHandle.current().pid()),
                "http://127.0.0.1:9/auth/", null);
        int taken = distributionPort(node);
        try (ServerSocket squatter = new ServerSocket(taken)) {
            node.start();
            assertThat(node.ctl("eval", "node().").output()).contains(node.nodeName);
            assertThat(distributionPort(node)).isNotEqualTo(taken);
        } finally {
            node.stop();
        }
    }

    private static int distributionPort(BrokerNode node) throws IOException {
        Properties env = new Properties();
        try (var in = Files.newBufferedReader(node.dir.resolve("node.env"))) {
            env.load(in);
        }
        return Integer.parseInt(env.getProperty("DIST_PORT"));
    }
}
