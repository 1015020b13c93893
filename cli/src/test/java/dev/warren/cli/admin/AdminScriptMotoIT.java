package dev.warren.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.definitions.Definitions;
import dev.warren.password.HashingAlgorithm;
import dev.warren.password.PasswordHasher;
import dev.warren.policy.AuthRequest;
import dev.warren.policy.Permission;
import dev.warren.policy.PermissionTriple;
import dev.warren.policy.ResourceKind;
import dev.warren.policy.TopicPermission;
import dev.warren.service.AuthService;
import dev.warren.service.AuthServices;
import dev.warren.store.InMemoryStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": a script of rabbitmqctl-style commands against moto_server builds a
 * store on which {@code warren serve --aws} (the shaded jar, configured only through
 * {@code AWS_ENDPOINT_URL}) answers every check as RabbitMQ's internal backend would after the
 * same rabbitmqctl commands. The oracle is the same users and grants as a definitions file,
 * decided in memory. Then export -> import into a fresh table answers the same again.
 */
class AdminScriptMotoIT {

    private static final String PREFIX = "it/users/";
    private static final Path JAR = Path.of("target/warren-cli.jar");
    private static MotoAdmin moto;

    private static final Map<String, String> PASSWORDS = Map.of("app", "app-secret", "admin", "admin-secret",
            "sensor-1", "sensor-secret", "monitor", "monitor-new", "temp", "temp-secret", "t2", "t2-secret",
            "gone", "gone-secret");

    @BeforeAll
    static void start() throws Exception {
        moto = MotoAdmin.start();
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    /** What the script below leaves, as rabbitmqctl would leave it (hashes differ, passwords do not). */
    private static Definitions oracle() {
        byte[] salt = {1, 2, 3, 4};
        java.util.function.Function<String, Optional<dev.warren.password.PasswordHash>> hash =
                user -> Optional.of(PasswordHasher.rabbitHash(HashingAlgorithm.SHA256, salt, PASSWORDS.get(user)));
        List<Definitions.User> users = List.of(
                new Definitions.User("app", hash.apply("app"), List.of(), false, false),
                new Definitions.User("admin", hash.apply("admin"), List.of("administrator"), false, false),
                new Definitions.User("sensor-1", hash.apply("sensor-1"), List.of("mqtt"), false, false),
                new Definitions.User("monitor", hash.apply("monitor"), List.of(), false, false),
                new Definitions.User("temp", hash.apply("temp"), List.of(), false, false),
                new Definitions.User("t2", hash.apply("t2"), List.of(), false, false));
        List<Definitions.Permission> permissions = List.of(
                new Definitions.Permission("app", "/", new PermissionTriple("^app\\.", "^(app\\.|amq\\.default$)", "^app\\.")),
                new Definitions.Permission("app", "orders", new PermissionTriple("", "", "")),
                new Definitions.Permission("admin", "/", new PermissionTriple(".*", ".*", ".*")),
                new Definitions.Permission("admin", "orders", new PermissionTriple(".*", ".*", ".*")),
                new Definitions.Permission("sensor-1", "iot", new PermissionTriple("^mqtt-subscription-",
                        "^amq\\.topic$|^mqtt-subscription-", "^amq\\.topic$|^mqtt-subscription-")),
                new Definitions.Permission("t2", "/", new PermissionTriple(".*", ".*", ".*")));
        List<Definitions.TopicPermissionEntry> topics = List.of(
                new Definitions.TopicPermissionEntry("app", new TopicPermission("/", "app.events", "^orders\\.", "")),
                new Definitions.TopicPermissionEntry("sensor-1", new TopicPermission("iot", "amq.topic",
                        "^sensors\\.{username}\\.", "^(sensors|commands)\\.{username}\\.")),
                new Definitions.TopicPermissionEntry("t2", new TopicPermission("orders", "amq.topic", "^x", "^x")));
        return new Definitions(users, List.of("/", "orders", "iot"), permissions, topics);
    }

    @Test
    void scriptThenServeAwsAnswersAsRabbitMqWould(@TempDir Path dir) throws Exception {
        String table = "script-table";
        List<String> t = List.of("--table", table, "--secret-prefix", PREFIX);
        // the first commands through the shaded jar and the standard AWS chain, as an operator runs them
        jar(List.of("add_user", "--create-table", "app", "--password-stdin"), t, "app-secret\n");
        jar(List.of("set_permissions", "-p", "/", "app", "^app\\.", "^(app\\.|amq\\.default$)", "^app\\."), t, "");
        // the rest in process, over the same moto endpoint with the same store code
        AdminCli cli = new AdminCli(moto.connector(new PasswordHasher(1000)));
        String[][] script = {
            {"set_permissions", "-p", "orders", "app", "", "", ""},
            {"set_topic_permissions", "app", "app.events", "^orders\\.", ""},
            {"add_user", "admin", "--password-stdin"},
            {"set_user_tags", "admin", "administrator"},
            {"set_permissions", "admin", ".*", ".*", ".*"},
            {"set_permissions", "-p", "orders", "admin", ".*", ".*", ".*"},
            {"add_user", "sensor-1", "--password-stdin"},
            {"set_user_tags", "sensor-1", "mqtt"},
            {"set_permissions", "-p", "iot", "sensor-1", "^mqtt-subscription-", "^amq\\.topic$|^mqtt-subscription-",
                "^amq\\.topic$|^mqtt-subscription-"},
            {"set_topic_permissions", "-p", "iot", "sensor-1", "amq.topic", "^sensors\\.{username}\\.",
                "^(sensors|commands)\\.{username}\\."},
            {"add_user", "monitor", "--password-stdin"},
            {"change_password", "monitor", "--password-stdin"},
            {"set_user_tags", "monitor", "monitoring"},
            {"set_user_tags", "monitor"},
            {"add_user", "gone", "--password-stdin"},
            {"set_permissions", "gone", ".*", ".*", ".*"},
            {"delete_user", "gone"},
            {"add_user", "temp", "--password-stdin"},
            {"set_permissions", "temp", ".*", ".*", ".*"},
            {"clear_permissions", "temp"},
            {"add_user", "t2", "--password-stdin"},
            {"set_permissions", "t2", ".*", ".*", ".*"},
            {"set_topic_permissions", "t2", "amq.topic", "^a", "^b"},
            {"set_topic_permissions", "-p", "orders", "t2", "amq.topic", "^x", "^x"},
            {"clear_topic_permissions", "t2"},
        };
        for (String[] command : script) {
            List<String> args = new ArrayList<>(List.of(command[0]));
            args.addAll(t);
            args.addAll(List.of(command).subList(1, command.length));
            String stdin = switch (command[0]) {
                case "add_user" -> command[1].equals("monitor") ? "monitor-old\n" : PASSWORDS.get(command[1]) + "\n";
                case "change_password" -> "monitor-new\n";
                default -> "";
            };
            AdminCli.Run run = cli.runWithStdin(stdin, args.toArray(String[]::new));
            assertThat(run.code()).as(String.join(" ", args) + "\n" + run.all()).isZero();
        }
        // a bad regex is refused and changes nothing
        AdminCli.Run bad = cli.run("set_permissions", "--table", table, "--secret-prefix", PREFIX, "app", "(", "", "");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("configure regex '(' cannot be used");

        Definitions oracle = oracle();
        AuthService expected = AuthServices.over(new InMemoryStore(oracle), new InMemoryStore(oracle),
                new PasswordHasher(1000));
        List<AuthRequest> requests = requests();
        assertServeAnswers(table, requests, expected);

        // export -> import into a fresh table (both through the jar) -> same answers
        Path file = dir.resolve("export.json");
        jar(List.of("export_definitions", file.toString()), t, "");
        String exported = Files.readString(file);
        assertThat(exported).contains("\"name\" : \"sensor-1\"").doesNotContain("gone").doesNotContain("secret\"");
        jar(List.of("import_definitions", file.toString()), List.of("--table", "again-table", "--secret-prefix", "again/"), "");
        assertServeAnswers("again-table", requests, expected);
        AdminCli.Run again = cli.run("export_definitions", "--table", "again-table", "--secret-prefix", "again/", "-");
        assertThat(again.out()).isEqualTo(exported);
    }

    private void assertServeAnswers(String table, List<AuthRequest> requests, AuthService expected) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString(), "serve", "--aws", "--table",
                table, "--secret-prefix", table.equals("again-table") ? "again/" : PREFIX, "--port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(moto.environment());
        Process serve = builder.start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("listening on ")) {
                    url = line.substring("listening on ".length()).strip();
                    break;
                }
            }
            assertThat(url).as("serve --aws did not start").isNotNull();
            CompletableFuture.runAsync(() -> lines.lines().forEach(l -> { })); // drain the decision log
            HttpClient http = HttpClient.newHttpClient();
            List<String> mismatches = new ArrayList<>();
            for (AuthRequest request : requests) {
                String want = expected.decide(request).body();
                HttpResponse<String> got = http.send(HttpRequest.newBuilder(URI.create(url + request.path().path()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(request))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (got.statusCode() != 200 || !got.body().equals(want)) {
                    mismatches.add(request + ": warren " + got.statusCode() + " '" + got.body() + "', RabbitMQ '" + want + "'");
                }
            }
            assertThat(mismatches).as("of " + requests.size() + " checks").isEmpty();
        } finally {
            serve.destroy();
            if (!serve.waitFor(10, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    private static List<AuthRequest> requests() {
        List<AuthRequest> out = new ArrayList<>();
        List<String> users = List.of("app", "admin", "sensor-1", "monitor", "temp", "t2", "gone", "ghost");
        for (String user : users) {
            out.add(new AuthRequest.UserRequest(user, Optional.ofNullable(PASSWORDS.get(user))));
            out.add(new AuthRequest.UserRequest(user, Optional.of("wrong")));
            out.add(new AuthRequest.UserRequest(user, Optional.of("monitor-old")));
            for (String vhost : List.of("/", "orders", "iot", "nowhere")) {
                out.add(new AuthRequest.VhostRequest(user, vhost));
                for (ResourceKind kind : List.of(ResourceKind.QUEUE, ResourceKind.EXCHANGE)) {
                    for (String name : List.of("app.q", "orders.x", "amq.default", "amq.topic", "mqtt-subscription-1", "x")) {
                        for (Permission p : Permission.values()) {
                            out.add(new AuthRequest.ResourceRequest(user, vhost, kind, name, p));
                        }
                    }
                }
                for (String exchange : List.of("amq.topic", "app.events")) {
                    for (String key : List.of("sensors.sensor-1.a", "orders.1", "commands.sensor-1.b", "a.b", "x")) {
                        for (Permission p : List.of(Permission.WRITE, Permission.READ)) {
                            out.add(new AuthRequest.TopicRequest(user, vhost, exchange, p, key,
                                    Map.of("username", user, "vhost", vhost)));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String form(AuthRequest request) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("username", request.username());
        switch (request) {
            case AuthRequest.UserRequest u -> u.password().ifPresent(p -> f.put("password", p));
            case AuthRequest.VhostRequest v -> {
                f.put("vhost", v.vhost());
                f.put("ip", "127.0.0.1");
            }
            case AuthRequest.ResourceRequest r -> {
                f.put("vhost", r.vhost());
                f.put("resource", r.kind().wireName());
                f.put("name", r.name());
                f.put("permission", r.permission().wireName());
            }
            case AuthRequest.TopicRequest tr -> {
                f.put("vhost", tr.vhost());
                f.put("resource", "topic");
                f.put("name", tr.exchange());
                f.put("permission", tr.permission().wireName());
                f.put("routing_key", tr.routingKey());
                tr.variables().forEach((k, v) -> f.put("variable_map." + k, v));
            }
        }
        StringBuilder body = new StringBuilder();
        f.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /** Runs the shaded jar with moto's endpoint in the environment; fails on a non-zero exit. */
    private static void jar(List<String> verb, List<String> options, String stdin) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString(), verb.get(0)));
        command.addAll(options);
        command.addAll(verb.subList(1, verb.size()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(moto.environment());
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
