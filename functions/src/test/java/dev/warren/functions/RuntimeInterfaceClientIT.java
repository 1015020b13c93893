package dev.warren.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warren.functions.caller.CallerSettings;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs each function the way Lambda does: the real Runtime Interface Client in its own JVM, the
 * shaded jar in a task root ({@code lib/warren-functions.jar}, as {@code sam build} lays it out),
 * the handler string from template.yaml, the no-argument constructor reading the environment, and
 * a local Runtime API (this test) handing it the events/ files.
 */
class RuntimeInterfaceClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/2018-06-01/runtime";

    @TempDir
    Path taskRoot;

    private HttpServer server;
    private final BlockingQueue<String[]> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<String>> answers = new ConcurrentHashMap<>();
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void startRuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(API + "/", this::serve);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals(API + "/invocation/next")) {
                String[] next = pending.poll(120, TimeUnit.SECONDS);
                if (next == null) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", next[0]);
                exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms",
                        Long.toString(System.currentTimeMillis() + 30_000));
                exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:eu-west-1:123456789012:function:warren-test:live");
                exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id",
                        "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0");
                // The native client reads Content-Type unconditionally (a missing one crashes it).
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                byte[] event = next[1].getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, event.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(event);
                }
                return;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            String[] parts = path.substring(API.length() + 1).split("/");
            if (parts.length == 3 && parts[0].equals("invocation") && parts[2].equals("response")) {
                answers.computeIfAbsent(parts[1], k -> new CompletableFuture<>()).complete(text);
            } else {
                synchronized (errors) {
                    errors.add(path + ": " + text);
                }
                if (parts.length == 3 && parts[0].equals("invocation")) {
                    answers.computeIfAbsent(parts[1], k -> new CompletableFuture<>())
                            .completeExceptionally(new AssertionError(path + ": " + text));
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(202, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UserCheck", "VhostCheck", "ResourceCheck", "TopicCheck"})
    void answersEveryEventOfItsFunction(String handlerClass) throws Exception {
        Path lib = Files.createDirectories(taskRoot.resolve("lib"));
        Files.copy(PackagingIT.JAR, lib.resolve("warren-functions.jar"));
        String handler = "dev.warren.functions." + handlerClass + "::handleRequest";

        List<EventCases.Case> cases = EventCases.all().stream()
                .filter(c -> c.function().equals(handlerClass + "Function")).toList();
        assertThat(cases).isNotEmpty();
        List<String> passwords = new ArrayList<>();
        for (EventCases.Case c : cases) {
            String event = Files.readString(c.path());
            pending.add(new String[] {c.file(), event});
            String form = new String(dev.warren.protocol.EdgeRequest.apiGatewayBody(
                    EventJson.parseEvent(event).getBody(), EventJson.parseEvent(event).getIsBase64Encoded()),
                    StandardCharsets.UTF_8) + "&" + EventJson.parseEvent(event).getRawQueryString();
            Arrays.stream(form.split("&")).filter(p -> p.startsWith("password=") && p.length() > 12)
                    .forEach(p -> passwords.add(p.substring(9)));
        }

        Path output = taskRoot.resolve("function-output.log");
        Process process = runtime(handler, output);
        try {
            for (EventCases.Case c : cases) {
                String answer = await(answers.computeIfAbsent(c.file(), k -> new CompletableFuture<>()),
                        process, output);
                JsonNode response = JSON.readTree(answer);
                assertThat(response.path("statusCode").asInt()).as(c.file()).isEqualTo(c.status());
                assertThat(response.path("body").asText()).as(c.file()).isEqualTo(c.body());
                assertThat(response.path("isBase64Encoded").asBoolean()).isFalse();
            }
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertThat(errors).isEmpty();

        String log = Files.readString(output);
        List<String> decisions = log.lines().filter(l -> l.contains("\"message\":\"decision\"")).toList();
        assertThat(decisions).as(log).hasSize((int) cases.stream().filter(c -> c.status() == 200).count());
        assertThat(decisions).allMatch(l -> l.contains("\"function_request_id\":") && l.contains("\"reason\":"));
        assertThat(log).as("EMF metrics").contains("\"_aws\"").contains("\"Decisions\"").contains("\"Warren\"");
        for (String password : passwords) {
            assertThat(log).doesNotContain(password);
        }
    }

    /** The answer, failing fast with the function's output when the runtime died or hangs. */
    private static String await(CompletableFuture<String> answer, Process process, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                return answer.get(200, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (!process.isAlive()) {
                    break;
                }
            }
        }
        throw new AssertionError("no answer from the runtime (alive: " + process.isAlive() + "); its output:\n"
                + Files.readString(output));
    }

    private Process runtime(String handler, Path output) throws IOException {
        // The runtime's own classpath, as /var/runtime/lib in Lambda: the client and its dependencies only.
        String classpath = String.join(File.pathSeparator, Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("aws-lambda-java-runtime-interface-client")
                        || p.contains("aws-lambda-java-serialization") || p.contains("aws-lambda-java-core")
                        || p.contains("utils-lite"))
                .toList());
        assertThat(classpath).contains("aws-lambda-java-runtime-interface-client");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath,
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("WARREN_") || k.startsWith("POWERTOOLS_"));
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getAddress().getPort());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", handler);
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "warren-test");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/warren-test");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        env.put("POWERTOOLS_SERVICE_NAME", "warren");
        env.put("POWERTOOLS_METRICS_NAMESPACE", "Warren");
        env.put(FunctionEnvironment.LOCAL_DEFINITIONS, EventCases.sampleDefinitions().toString());
        // Caller check as deployed with mTLS and an allow-list: every event carries this subject, so
        // an answer other than the documented one means the runtime dropped requestContext.authentication.
        env.put(CallerSettings.MODE, "mtls");
        env.put(CallerSettings.SUBJECTS, "CN=other,O=Example|" + CallerGateTest.EVENT_SUBJECT);
        // The runtime loads the function from its working directory (and lib/*.jar there), as Lambda's /var/task.
        builder.directory(taskRoot.toFile());
        builder.redirectErrorStream(true).redirectOutput(output.toFile());
        return builder.start();
    }
}
