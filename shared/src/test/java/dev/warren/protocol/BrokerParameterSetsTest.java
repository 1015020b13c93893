package dev.warren.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parameter set rabbitmq_auth_backend_http sends from RabbitMQ 3.10 to 4.3
 * (docs/compatibility.md), as GET and as POST: the extra parameters never change a decision, and
 * {@code password=none} (MQTT x.509 on 4.0) is a password like any other, not a certificate login.
 */
class BrokerParameterSetsTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private final HttpEdge edge = new HttpEdge(Fixtures.service(), r -> { });

    static Stream<Arguments> parameterSets() {
        List<Arguments> sets = new ArrayList<>();
        // user path
        sets.add(Arguments.of("3.10+ AMQP PLAIN", "/auth/user", "username=app&password=app-secret", "allow"));
        sets.add(Arguments.of("3.10+ direct connection, management API", "/auth/user",
                "username=app&password=app-secret&vhost=%2F", "allow"));
        sets.add(Arguments.of("3.10-3.11 MQTT through the direct client", "/auth/user",
                "username=app&password=app-secret&vhost=%2F&client_id=sensor-1", "allow"));
        sets.add(Arguments.of("4.0+ MQTT", "/auth/user",
                "username=app&vhost=orders&client_id=sensor-1&password=app-secret", "allow"));
        sets.add(Arguments.of("a vhost the user has no access to: decided on the vhost path", "/auth/user",
                "username=app&password=app-secret&vhost=elsewhere", "allow"));
        sets.add(Arguments.of("properties a later broker forwards", "/auth/user",
                "username=app&password=app-secret&is_loopback=true&sockOrAddr=x", "allow"));
        sets.add(Arguments.of("x.509, every version but MQTT 4.0", "/auth/user", "username=gateway", "allow device"));
        sets.add(Arguments.of("4.1+ MQTT x.509", "/auth/user", "username=gateway&vhost=%2F&client_id=dev-1",
                "allow device"));
        sets.add(Arguments.of("4.0 MQTT x.509: password=none is a password", "/auth/user",
                "username=gateway&vhost=%2F&client_id=dev-1&password=none", "deny"));
        sets.add(Arguments.of("password=none against a stored hash", "/auth/user", "username=admin&password=none", "deny"));
        sets.add(Arguments.of("wrong password with MQTT properties", "/auth/user",
                "username=app&password=wrong&vhost=%2F&client_id=sensor-1", "deny"));
        // vhost path: ip is inet:ntoa of the peer, "unknown" without one, empty without a context
        for (String ip : List.of("10.0.0.5", "unknown", "", "%3A%3Affff%3A10.0.0.5", "fe80%3A%3A1", "client.example.com")) {
            sets.add(Arguments.of("vhost, ip=" + ip, "/auth/vhost", "username=app&vhost=%2F&ip=" + ip + "&tags=", "allow"));
            sets.add(Arguments.of("vhost, ip=" + ip + ", no entry", "/auth/vhost",
                    "username=app&vhost=elsewhere&ip=" + ip + "&tags=", "deny"));
        }
        sets.add(Arguments.of("vhost without ip and tags", "/auth/vhost", "username=app&vhost=%2F", "allow"));
        sets.add(Arguments.of("3.13+ MQTT vhost check", "/auth/vhost",
                "username=app&vhost=%2F&ip=127.0.0.1&tags=&client_id=sensor-1", "allow"));
        sets.add(Arguments.of("tags never grant", "/auth/vhost", "username=josé&vhost=%2F&ip=&tags=administrator", "deny"));
        // resource path
        sets.add(Arguments.of("resource with tags", "/auth/resource",
                "username=admin&vhost=%2F&resource=exchange&name=x&permission=write&tags=administrator+monitoring", "allow"));
        sets.add(Arguments.of("3.13+ MQTT resource check", "/auth/resource",
                "username=app&vhost=%2F&resource=queue&name=app.mqtt-sub&permission=configure&tags=&client_id=sensor-1",
                "allow"));
        sets.add(Arguments.of("resource refused whatever the tags say", "/auth/resource",
                "username=app&vhost=%2F&resource=queue&name=billing&permission=configure&tags=administrator", "deny"));
        // topic path
        sets.add(Arguments.of("topic with tags and variable_map", "/auth/topic",
                "username=app&vhost=%2F&resource=topic&name=amq.topic&permission=write&routing_key=app.%2F.x&tags="
                        + "&variable_map.username=app&variable_map.vhost=%2F", "allow"));
        sets.add(Arguments.of("MQTT topic with variable_map.client_id", "/auth/topic",
                "username=app&vhost=%2F&resource=topic&name=amq.topic&permission=write&routing_key=bob.x&tags="
                        + "&variable_map.username=app&variable_map.vhost=%2F&variable_map.client_id=sensor-1", "deny"));
        return sets.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameterSets")
    void answersAlikeOverGetAndPost(String version, String path, String params, String expected) {
        byte[] form = params.getBytes(StandardCharsets.UTF_8);
        assertThat(edge.handle(new EdgeRequest("GET", path, form, null, new byte[0])).body()).isEqualTo(expected);
        assertThat(edge.handle(new EdgeRequest("POST", path, null, FORM, form)).body()).isEqualTo(expected);
    }
}
