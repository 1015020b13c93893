package dev.warren.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.warren.policy.AuthPath;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The functions as Lambda builds them (from the environment alone) over a stand-in DynamoDB endpoint
 * that records each operation: with {@code WARREN_THROTTLE_SCOPE=shared} a refused login reads and
 * counts the shared counter; with the per-instance scope, and in the check functions, it never does.
 */
class SharedThrottleWiringTest {

    static final Map<String, String> PROPERTIES = Map.of("aws.region", "us-east-1",
            "aws.accessKeyId", "testing", "aws.secretAccessKey", "testing");
    static final Map<String, String> saved = new HashMap<>();
    static final List<String> operations = Collections.synchronizedList(new ArrayList<>());
    static HttpServer dynamo;

    @BeforeAll
    static void standInDynamoDb() throws Exception {
        dynamo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        dynamo.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target.substring(target.indexOf('.') + 1);
            operations.add(operation);
            String body = switch (operation) {
                case "Query" -> "{\"Count\":0,\"ScannedCount\":0,\"Items\":[]}";
                case "UpdateItem" -> "{\"Attributes\":{\"failures\":{\"N\":\"1\"},\"windowEnd\":{\"N\":\""
                        + (System.currentTimeMillis() + 60_000) + "\"}}}";
                default -> "{}";
            };
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        dynamo.start();
        Map<String, String> properties = new HashMap<>(PROPERTIES);
        properties.put("aws.endpointUrl", "http://127.0.0.1:" + dynamo.getAddress().getPort());
        properties.forEach((name, value) -> {
            saved.put(name, System.getProperty(name));
            System.setProperty(name, value);
        });
    }

    @AfterAll
    static void stop() {
        dynamo.stop(0);
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @BeforeEach
    void clear() {
        operations.clear();
    }

    static Map<String, String> env(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("WARREN_TABLE", "warren", "WARREN_CALLER_AUTH", "public",
                "WARREN_THROTTLE_FAILURES", "3"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    static String refusedLogin(EdgeFunction function) throws Exception {
        return function.handleRequest(EventJson.readEvent(EventCases.events().resolve("user-deny-post.json")),
                new LocalContext("user")).getBody();
    }

    @Test
    void theUserFunctionReadsAndCountsTheSharedCounterWhenTheScopeIsShared() throws Exception {
        UserCheck user = new UserCheck(FunctionEnvironment.of(env("WARREN_THROTTLE_SCOPE", "shared")).adapter(AuthPath.USER));
        assertThat(refusedLogin(user)).isEqualTo("deny");
        assertThat(operations).containsExactly("Query", "GetItem", "UpdateItem");
    }

    @Test
    void thePerInstanceScopeNeverCallsTheTableForTheThrottle() throws Exception {
        UserCheck user = new UserCheck(FunctionEnvironment.of(env()).adapter(AuthPath.USER));
        assertThat(refusedLogin(user)).isEqualTo("deny");
        assertThat(operations).containsExactly("Query");
    }

    @Test
    void aCheckFunctionNeverTouchesTheCounter() throws Exception {
        VhostCheck vhost = new VhostCheck(FunctionEnvironment.of(env("WARREN_THROTTLE_SCOPE", "shared"))
                .adapter(AuthPath.VHOST));
        String body = vhost.handleRequest(EventJson.readEvent(EventCases.events().resolve("vhost-deny-post.json")),
                new LocalContext("vhost")).getBody();
        assertThat(body).isEqualTo("deny");
        assertThat(operations).containsExactly("Query");
    }
}
