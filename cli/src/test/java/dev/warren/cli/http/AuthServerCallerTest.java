package dev.warren.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warren.functions.caller.BasicAuthCallers;
import dev.warren.functions.caller.CallerAuthentication;
import dev.warren.policy.Cause;
import dev.warren.protocol.DecisionRecord;
import dev.warren.protocol.HttpEdge;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code warren serve} checks callers as the functions do: with an HTTP Basic secret only callers
 * that send it get a decision, others the broker's refusal (200 deny, logged with the cause); and
 * Amazon MQ's validator probes ({@code events/*-amazon-mq-probe.json}, sent as the broker sends
 * them) get 200 {@code deny} in every mode.
 */
class AuthServerCallerTest {

    static final String SECRET = "rabbitmq:Zq8-not-a-real-secret";
    static final String LOGIN = "username=admin&password=admin-secret";

    final List<DecisionRecord> records = new ArrayList<>();

    AuthServer start(CallerAuthentication callers) throws IOException {
        HttpEdge logged = SampleEdge.create(r -> {
            synchronized (records) {
                records.add(r);
            }
        });
        return AuthServer.start(new InetSocketAddress("127.0.0.1", 0), logged, HttpLimits.DEFAULTS, callers);
    }

    static String post(String path, String form, String authorization) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + form.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + form;
    }

    static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    static String body(String response) {
        assertThat(response).startsWith("HTTP/1.1 200 ");
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void basicSecretRightWrongMissing() throws Exception {
        try (AuthServer server = start(new BasicAuthCallers(BasicAuthCallers.SharedSecret.fixed(SECRET)))) {
            assertThat(body(SampleEdge.raw(server, post("/auth/user", LOGIN, basic(SECRET))))).isEqualTo("allow administrator");
            assertThat(records.get(0).decision().cause()).isEqualTo(Cause.PASSWORD_VERIFIED);
            for (String wrong : new String[] {basic("rabbitmq:guess"), basic(SECRET + "x"), "Bearer x", null}) {
                records.clear();
                assertThat(body(SampleEdge.raw(server, post("/auth/user", LOGIN, wrong)))).as(wrong).isEqualTo("deny");
                assertThat(records).hasSize(1);
                assertThat(records.get(0).decision().cause()).isEqualTo(Cause.CALLER_NOT_AUTHENTICATED);
                assertThat(records.get(0).username()).isNull();
                assertThat(records.get(0).toString()).doesNotContain("admin-secret").doesNotContain(SECRET);
            }
            assertThat(SampleEdge.raw(server, post("/auth/users", LOGIN, null))).startsWith("HTTP/1.1 404 ");
        }
    }

    static Stream<Path> probes() throws IOException {
        return Files.list(Path.of("..", "events")).filter(p -> p.getFileName().toString().endsWith("-amazon-mq-probe.json"))
                .sorted();
    }

    @Test
    void amazonMqValidatorProbesGet200DenyInEveryMode() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Path> files = probes().toList();
        assertThat(files).hasSize(4);
        for (CallerAuthentication callers : List.of(CallerAuthentication.publicAccess(),
                new BasicAuthCallers(BasicAuthCallers.SharedSecret.fixed(SECRET)))) {
            try (AuthServer server = start(callers)) {
                for (Path file : files) {
                    JsonNode event = json.readTree(file.toFile());
                    String path = event.path("rawPath").asText();
                    String form = event.path("body").asText();
                    assertThat(form).contains("__rabbitmq_config_validation_probe__");
                    for (String authorization : new String[] {null, basic(SECRET)}) {
                        String response = SampleEdge.raw(server, post(path, form, authorization));
                        assertThat(body(response)).as(file + " " + callers.mode()).isEqualTo("deny");
                        String get = "GET " + path + "?" + form + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
                        assertThat(body(SampleEdge.raw(server, get))).as(file + " GET").isEqualTo("deny");
                    }
                }
            }
        }
    }
}
