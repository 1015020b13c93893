package dev.warren.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Does RabbitMQ send the user-info of {@code http://user:secret@host/auth/...} URLs as HTTP Basic
 * auth, and what does warren do with it? One private node (http backend, POST, no cache) in front of
 * {@code warren serve --basic-auth-secret-file}: the node's URLs carry the secret, then, switched at
 * run time with {@code application:set_env}, a wrong secret and none. A login that succeeds only with
 * the right user-info proves the broker sent it, and warren's refusals are logged with their cause.
 */
@ExtendWith(E2eExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UrlUserInfoTest {

    static final String USER = E2e.ADMIN_USER;
    static final String PASSWORD = E2e.ADMIN_PASSWORD;

    private WarrenServer warren;
    private BrokerNode node;
    private String secret;
    private String base;

    @BeforeAll
    void start(E2e e2e) throws IOException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        secret = "S" + java.util.HexFormat.of().formatHex(random);
        Path secretFile = e2e.runRoot.resolve("caller-secret");
        Files.writeString(secretFile, "rabbitmq:" + secret + "\n");
        warren = new WarrenServer("basic-auth", e2e.warrenCommand, List.of("--definitions", e2e.definitions.toString()),
                List.of("--basic-auth-secret-file", secretFile.toString()), Map.of(), e2e.runRoot);
        warren.start(Duration.ofSeconds(120));
        base = "http://127.0.0.1:" + warren.port + "/auth/";
        node = new BrokerNode(new BrokerNode.Profile("warren-userinfo", BrokerNode.Backend.HTTP, "post", false, false),
                e2e.runRoot, e2e.repo.resolve("e2e/broker.sh"), Long.toString(ProcessHandle.current().pid()),
                "http://rabbitmq:" + secret + "@127.0.0.1:" + warren.port + "/auth/", null);
        node.start();
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.stop();
        }
        if (warren != null) {
            warren.stop();
        }
    }

    private AmqpProbe.Result login() {
        return AmqpProbe.run(node.amqpPort, USER, PASSWORD, "/", new Action.Connect());
    }

    /** Points the node's four auth_http URLs at warren with this user-info ("" for none). */
    private void urls(String userInfo) {
        StringBuilder eval = new StringBuilder();
        for (String path : List.of("user", "vhost", "resource", "topic")) {
            eval.append("application:set_env(rabbitmq_auth_backend_http, ").append(path).append("_path, \"")
                    .append(base.replace("http://", "http://" + userInfo)).append(path).append("\"), ");
        }
        eval.append("ok.");
        Proc.Result r = node.ctl("eval", eval.toString());
        assertThat(r.ok()).as(r.output()).isTrue();
    }

    private List<String> warrenLog() {
        try {
            return Files.readAllLines(warren.logFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long callerRefusals() {
        return warrenLog().stream().filter(l -> l.contains("\"cause\":\"caller_not_authenticated\"")).count();
    }

    @Test
    @DisplayName("RabbitMQ 3.10.8 sends URL user-info as Basic auth: the right secret logs in, a wrong one or none is refused")
    void urlUserInfoIsSentAsBasicAuth() throws Exception {
        assertThat(warrenLog()).anyMatch(l -> l.equals("caller authentication: basic"));

        long before = callerRefusals();
        AmqpProbe.Result right = login();
        assertThat(right.outcome()).as("login through URLs with the right user-info: %s", right).isEqualTo(Outcome.OK);
        assertThat(callerRefusals()).as("no caller refusal with the right user-info").isEqualTo(before);
        assertThat(warrenLog()).anyMatch(l -> l.contains("\"path\":\"user\"") && l.contains("\"username\":\"" + USER + "\"")
                && l.contains("\"decision\":\"allow\""));

        urls("rabbitmq:wrong-" + secret + "@");
        assertThat(login().outcome()).as("wrong user-info").isEqualTo(Outcome.ACCESS_REFUSED);
        long afterWrong = callerRefusals();
        assertThat(afterWrong).as("warren logged the wrong secret as a caller refusal").isGreaterThan(before);
        assertThat(warrenLog()).anyMatch(l -> l.contains("HTTP Basic credentials do not match the shared secret"));

        urls("");
        assertThat(login().outcome()).as("no user-info").isEqualTo(Outcome.ACCESS_REFUSED);
        assertThat(callerRefusals()).isGreaterThan(afterWrong);
        assertThat(warrenLog()).anyMatch(l -> l.contains("no HTTP Basic credentials"));

        urls("rabbitmq:" + secret + "@");
        assertThat(login().outcome()).as("right user-info again").isEqualTo(Outcome.OK);

        assertThat(warrenLog()).as("warren never logs the secret or the password")
                .noneMatch(l -> l.contains(secret) || l.contains(PASSWORD));
        System.out.println("[e2e] broker log mentions the URL secret: " + brokerLogMentions(secret));
    }

    /** Whether the node's own log files contain the secret (reported, documented in docs/deploy.md). */
    private boolean brokerLogMentions(String value) throws IOException {
        try (Stream<Path> files = Files.walk(node.log())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains(value)) {
                    return true;
                }
            }
        }
        return false;
    }
}
