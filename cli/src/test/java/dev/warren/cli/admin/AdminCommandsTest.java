package dev.warren.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warren.admin.TableCreator;
import dev.warren.definitions.Definitions;
import dev.warren.definitions.DefinitionsReader;
import dev.warren.password.PasswordHasher;
import dev.warren.store.InMemorySecretStore;
import dev.warren.store.SecretPasswordHashStore;
import dev.warren.store.aws.LocalDynamoDb;
import dev.warren.admin.DefinitionsImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The admin verbs and {@code explain} as an operator runs them (picocli, exit codes, output),
 * over in-process DynamoDB Local and an in-memory secret store.
 */
class AdminCommandsTest {

    private static final String PREFIX = "warren/users/";

    static {
        if (System.getProperty("sqlite4java.library.path") == null) {
            // the cli build copies sqlite4java's natives here (generate-resources)
            System.setProperty("sqlite4java.library.path", Path.of("target/classes/sqlite4java").toAbsolutePath().toString());
        }
    }

    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb("cli-test-");

    private DynamoDbClient dynamo;
    private InMemorySecretStore secrets;
    private String table;
    private AdminCli cli;

    @BeforeEach
    void freshStores() {
        dynamo = DYNAMO.client();
        secrets = new InMemorySecretStore();
        table = DYNAMO.newTableName();
        cli = new AdminCli(config -> new AdminStores(config, dynamo, secrets, new PasswordHasher(1000), () -> {}));
    }

    private AdminCli.Run warren(String... args) {
        return cli.run(withTable(args));
    }

    private AdminCli.Run warrenStdin(String stdin, String... args) {
        return cli.runWithStdin(stdin, withTable(args));
    }

    private String[] withTable(String[] args) {
        String[] out = new String[args.length + 2];
        out[0] = args[0];
        out[1] = "--table=" + table;
        out[2] = "--secret-prefix=" + PREFIX;
        System.arraycopy(args, 1, out, 3, args.length - 1);
        return out;
    }

    private void ok(AdminCli.Run run) {
        assertThat(run.code()).as(run.all()).isZero();
    }

    /** The store of the ACCESS_REFUSED guide's examples. */
    private void guideStore() {
        ok(warrenStdin("app-secret\n", "add_user", "--create-table", "app", "--password-stdin"));
        ok(warren("set_permissions", "app", "^app\\.", "^(app\\.|amq\\.default$)", "^app\\."));
        ok(warrenStdin("reporter-secret\n", "add_user", "reporter", "--password-stdin"));
        ok(warren("set_permissions", "-p", "/", "reporter", ".*", ".*", ".*"));
        ok(warrenStdin("publisher-secret\n", "add_user", "publisher", "--password-stdin"));
        ok(warren("set_permissions", "publisher", "^$", "^orders\\.", "^$"));
        ok(warrenStdin("sensor-secret\n", "add_user", "sensor-1", "--password-stdin"));
        ok(warren("set_permissions", "-p", "iot", "sensor-1", "", "^amq\\.topic$", ""));
        ok(warren("set_topic_permissions", "-p", "iot", "sensor-1", "amq.topic", "^sensors\\.{username}\\.", ""));
    }

    @Test
    void verbsBuildAStoreAndListItLikeRabbitmqctl() throws Exception {
        guideStore();
        ok(warren("set_user_tags", "app", "management", "policymaker"));
        AdminCli.Run users = warren("list_users");
        ok(users);
        assertThat(users.out()).contains("user       tags").contains("app        [management, policymaker]")
                .contains("publisher  []");
        AdminCli.Run perms = warren("list_permissions");
        assertThat(perms.out()).contains("publisher  ^$         ^orders\\.").doesNotContain("sensor-1");
        assertThat(warren("list_permissions", "-p", "iot").out()).contains("sensor-1  ''         ^amq\\.topic$  ''");
        JsonNode json = new ObjectMapper().readTree(warren("list_user_permissions", "app", "--format", "json").out());
        assertThat(json.get(0).get("vhost").asText()).isEqualTo("/");
        assertThat(json.get(0).get("write").asText()).isEqualTo("^(app\\.|amq\\.default$)");
        assertThat(warren("list_topic_permissions", "-p", "iot").out())
                .contains("sensor-1  amq.topic  ^sensors\\.{username}\\.");
        JsonNode usersJson = new ObjectMapper().readTree(warren("list_users", "--format", "json").out());
        assertThat(usersJson.get(0).get("user").asText()).isEqualTo("app");
        assertThat(usersJson.get(0).get("tags").get(1).asText()).isEqualTo("policymaker");

        ok(warren("clear_topic_permissions", "-p", "iot", "sensor-1", "amq.topic"));
        assertThat(warren("list_topic_permissions", "-p", "iot").out()).doesNotContain("sensor-1");
        ok(warren("clear_permissions", "publisher"));
        assertThat(warren("list_user_permissions", "publisher").out().strip()).isEqualTo("vhost  configure  write  read");
        ok(warren("delete_user", "publisher"));
        assertThat(warren("list_users").out()).doesNotContain("publisher");
        assertThat(secrets.read(PREFIX + "publisher")).isEmpty();
    }

    @Test
    void everyErrorIsOneLineNamingTheCauseWithNonZeroExit() {
        guideStore();
        assertError(warren("set_permissions", "bob", ".*", ".*", ".*"), "warren set_permissions: no such user 'bob'");
        assertError(warren("set_permissions", "app", ".*", "(", ".*"),
                "warren set_permissions: write regex '(' cannot be used: PCRE rejects it: missing )");
        assertError(warren("set_user_tags", "app", "Admin"),
                "warren set_user_tags: tag 'Admin' is not a lower-case word (letters a-z, digits, '_', '-')");
        assertError(warren("list_user_permissions", "ghost"), "warren list_user_permissions: no such user 'ghost'");
        assertError(warren("delete_user", "ghost"), "warren delete_user: no such user 'ghost'");
        assertError(warrenStdin("x\n", "add_user", "app", "--password-stdin"), "warren add_user: user 'app' already exists");
        assertError(cli.run("list_users", "--table", "missing-table"),
                "warren list_users: DynamoDB table 'missing-table' does not exist (create it with"
                        + " `warren add_user --create-table ...`, `warren import_definitions FILE`, or deploy template.yaml)");
        assertError(warren("set_permissions", "-p", "", "app", "", "", ""),
                "warren set_permissions: vhost must not be empty (the default vhost is '/')");
        // no terminal and no --password-stdin
        assertError(warren("change_password", "app"),
                "warren change_password: no password given and no terminal to prompt on; use --password-stdin");
        assertThat(warren("set_permissions", "app", ".*").code()).isEqualTo(2); // usage, from picocli
    }

    private static void assertError(AdminCli.Run run, String line) {
        assertThat(run.code()).as(run.all()).isNotZero();
        assertThat(run.err().strip()).isEqualTo(line);
    }

    @Test
    void passwordsComeFromStdinOrArgumentWithAWarningAndAreNeverPrinted() throws Exception {
        ok(warrenStdin("first-secret\n", "add_user", "--create-table", "app", "--password-stdin"));
        AdminCli.Run changed = warren("change_password", "app", "second-secret");
        ok(changed);
        assertThat(changed.err()).startsWith("warning: a password on the command line can be read by other users");
        AdminCli.Run good = warrenStdin("second-secret\n", "authenticate_user", "app", "--password-stdin");
        assertThat(good.code()).isZero();
        assertThat(good.out()).contains("Success");
        AdminCli.Run bad = warrenStdin("first-secret\n", "authenticate_user", "app", "--password-stdin");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out()).contains("Error: failed to authenticate user \"app\"")
                .contains("user 'app' - invalid credentials: wrong password");
        for (AdminCli.Run run : List.of(good, bad)) {
            assertThat(run.all()).doesNotContain("first-secret").doesNotContain("second-secret");
        }
        String secret = secrets.read(PREFIX + "app").orElseThrow();
        assertThat(secret).contains("\"algorithm\":\"warren_password_hashing_pbkdf2_sha256\"");
        String hash = new ObjectMapper().readTree(secret).get("hash").asText();
        assertThat(warren("list_users").all() + warren("list_user_permissions", "app").all()).doesNotContain(hash);
    }

    // ---- explain: one test per case of the ACCESS_REFUSED guide --------------------------------

    @Test
    void explainUnknownUser() {
        guideStore();
        AdminCli.Run run = warrenStdin("whatever\n", "explain", "--user", "worker", "--password-stdin");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .contains("login     deny     user 'worker' - invalid credentials: unknown user")
                .contains("Broker log: Login was refused for user 'worker'. Wrong password or unknown user.")
                .contains("Cause: unknown_user: there is no user 'worker'")
                .contains("  warren add_user worker\n")
                .contains("  warren set_permissions -p / worker '.*' '.*' '.*'");
        AdminCli.Run noPassword = warren("explain", "--user", "worker", "--vhost", "orders");
        assertThat(noPassword.out()).contains("vhost     deny     unknown user 'worker'")
                .contains("Cause: unknown_user");
    }

    @Test
    void explainWrongPassword() {
        guideStore();
        AdminCli.Run run = warrenStdin("s3cr3t\n", "explain", "--user", "app", "--password-stdin");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .contains("user 'app' - invalid credentials: wrong password")
                .contains("Login was refused for user 'app'. Wrong password or unknown user.")
                .contains("Cause: wrong_password")
                .contains("  warren change_password app ");
        assertThat(run.all()).doesNotContain("s3cr3t");
        AdminCli.Run right = warrenStdin("app-secret\n", "explain", "--user", "app", "--password-stdin");
        assertThat(right.code()).isZero();
        assertThat(right.out()).contains("login     allow    user 'app' authenticated").contains("Decision: ALLOWED");
    }

    @Test
    void explainUserWithoutPassword() {
        guideStore();
        ok(warren("clear_password", "app"));
        AdminCli.Run run = warrenStdin("app-secret\n", "explain", "--user", "app", "--password-stdin");
        assertThat(run.out()).contains("Cause: no_password").contains("  warren change_password app");
    }

    @Test
    void explainNoGrantOnTheVhostAndTheFixWorks() {
        guideStore();
        AdminCli.Run run = warrenStdin("reporter-secret\n", "explain", "--user", "reporter", "--password-stdin",
                "--vhost", "reporting");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .contains("1. login     allow    user 'reporter' authenticated")
                .contains("2. vhost     deny     no permissions on vhost 'reporting' for user 'reporter'")
                .contains("Broker log: access to vhost 'reporting' refused for user 'reporter'")
                .contains("Cause: no_vhost_permissions: user 'reporter' has no permissions on vhost 'reporting'"
                        + " (it has some on: '/')");
        applyFixesAndExpectAllowed(run, "explain", "--user", "reporter", "--vhost", "reporting");
    }

    @Test
    void explainNarrowResourceRegexAndTheFixWorks() {
        guideStore();
        AdminCli.Run run = warren("explain", "--user", "publisher", "--resource", "queue", "--name", "orders.q",
                "--permission", "configure");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .contains("3. resource  deny     configure regex '^$' does not match 'orders.q'"
                        + " (queue 'orders.q' in vhost '/')")
                .contains("Broker log: configure access to queue 'orders.q' in vhost '/' refused for user 'publisher'")
                .contains("Cause: regex_does_not_match")
                .contains("  warren set_permissions -p / publisher '^$|^orders\\.q$' '^orders\\.' '^$'");
        applyFixesAndExpectAllowed(run, "explain", "--user", "publisher", "--resource", "queue", "--name", "orders.q",
                "--permission", "configure");
        // the other permissions were kept
        assertThat(warren("explain", "--user", "publisher", "--resource", "exchange", "--name", "orders.in",
                "--permission", "write").code()).isZero();
        assertThat(warren("explain", "--user", "publisher", "--resource", "queue", "--name", "orders.q",
                "--permission", "read").code()).isEqualTo(1);
    }

    @Test
    void explainTopicRegexAfterVariableExpansionAndTheFixWorks() {
        guideStore();
        String[] query = {"explain", "--user", "sensor-1", "--vhost", "iot", "--topic", "amq.topic", "--routing-key",
            "sensors.sensor-2.temp", "--permission", "write"};
        AdminCli.Run run = warren(query);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out())
                .contains("3. resource  allow    write regex '^amq\\.topic$' matches 'amq.topic'")
                .contains("4. topic     deny     write regex '^sensors\\.sensor-1\\.' (expanded from"
                        + " '^sensors\\.{username}\\.') does not match 'sensors.sensor-2.temp'")
                .contains("topic variables: username='sensor-1', vhost='iot'")
                .contains("Broker log: write access to topic 'sensors.sensor-2.temp' in exchange 'amq.topic'"
                        + " in vhost 'iot' refused for user 'sensor-1'")
                .contains("Cause: regex_does_not_match")
                .contains("  warren set_topic_permissions -p iot sensor-1 amq.topic"
                        + " '^sensors\\.{username}\\.|^sensors\\.sensor-2\\.temp$' ''");
        applyFixesAndExpectAllowed(run, query);
        query[8] = "sensors.sensor-1.temp";
        assertThat(warren(query).code()).isZero();
    }

    @Test
    void explainAsJsonForScripts() throws Exception {
        guideStore();
        AdminCli.Run run = warren("explain", "--user", "app", "--vhost", "orders", "--format", "json");
        assertThat(run.code()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("allowed").asBoolean()).isFalse();
        assertThat(json.get("cause").asText()).isEqualTo("no_vhost_permissions");
        assertThat(json.get("broker_log").asText()).isEqualTo("access to vhost 'orders' refused for user 'app'");
        assertThat(json.get("steps").get(1).get("reason").asText())
                .isEqualTo("no permissions on vhost 'orders' for user 'app'");
        assertThat(json.get("fix").get(0).asText()).startsWith("warren set_permissions -p orders app '.*' '.*' '.*'");
    }

    @Test
    void explainErrorsExitTwo() {
        AdminCli.Run missing = cli.run("explain", "--table", "missing-table", "--user", "app");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("warren explain: DynamoDB table 'missing-table' does not exist");
        guideStore();
        AdminCli.Run both = warren("explain", "--user", "app", "--resource", "queue", "--name", "q", "--topic", "t",
                "--routing-key", "k", "--permission", "write");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err().strip()).isEqualTo("warren explain: give either --resource or --topic, not both");
    }

    /** Runs every "warren ..." line of the Fix section, then the query again: it must now be allowed. */
    private void applyFixesAndExpectAllowed(AdminCli.Run explained, String... query) {
        String fixes = explained.out().substring(explained.out().indexOf("Fix:\n") + 5);
        for (String line : fixes.split("\n")) {
            List<String> words = AdminCli.shellWords(line.strip());
            assertThat(words.get(0)).isEqualTo("warren");
            ok(warren(words.subList(1, words.size()).toArray(String[]::new)));
        }
        AdminCli.Run after = warren(query);
        assertThat(after.code()).as(after.all()).isZero();
        assertThat(after.out()).contains("Decision: ALLOWED");
    }

    // ---- export -------------------------------------------------------------------------------

    @Test
    void exportThenImportKeepsHashesAndDecisions(@TempDir Path dir) throws Exception {
        Definitions original = DefinitionsReader.read(Path.of("../examples/definitions.json"));
        TableCreator.createTableIfMissing(dynamo, table);
        new DefinitionsImporter(dynamo, table, secrets, PREFIX).importDefinitions(original);
        ok(warrenStdin("new-secret\n", "add_user", "fresh", "--password-stdin"));
        Path file = dir.resolve("export.json");
        AdminCli.Run exported = warren("export_definitions", file.toString());
        ok(exported);
        assertThat(exported.err()).contains("Exported 8 users");
        assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        Definitions back = DefinitionsReader.read(file);
        assertThat(back.vhosts()).containsExactly("/", "iot", "orders");
        InMemorySecretStore secondSecrets = new InMemorySecretStore();
        String second = table + "-again";
        TableCreator.createTableIfMissing(dynamo, second);
        new DefinitionsImporter(dynamo, second, secondSecrets, PREFIX).importDefinitions(back);
        for (Definitions.User user : back.users()) {
            String name = SecretPasswordHashStore.secretName(PREFIX, user.name());
            assertThat(secondSecrets.read(name)).as(user.name()).isEqualTo(secrets.read(name));
        }
        assertThat(cli.run("export_definitions", "--table", second, "--secret-prefix", PREFIX, "-").out())
                .isEqualTo(Files.readString(file));
        AdminCli cli2 = new AdminCli(config -> new AdminStores(config, dynamo, secondSecrets, new PasswordHasher(1000),
                () -> {}));
        assertThat(cli2.runWithStdin("new-secret\n", "authenticate_user", "--table", second, "fresh",
                "--password-stdin").code()).isZero();
        assertThat(cli2.runWithStdin("monitor-secret\n", "authenticate_user", "--table", second, "monitor",
                "--password-stdin").out()).contains("Success (tags: [monitoring, policymaker])");
    }

    @Test
    void explainAndAuthenticateUserAnswerFromADefinitionsFileWithoutAnyStore() {
        AdminCli noAws = new AdminCli(config -> {
            throw new AssertionError("--definitions must not open the AWS stores");
        });
        String file = "../examples/definitions.json";
        AdminCli.Run refused = noAws.run("explain", "--definitions", file, "--user", "app", "--vhost", "orders",
                "--resource", "queue", "--name", "billing", "--permission", "configure");
        assertThat(refused.code()).as(refused.all()).isEqualTo(1);
        assertThat(refused.out()).contains("Decision: DENIED", "Cause: regex_does_not_match",
                "Fix:", "warren set_permissions -p orders app '^billing$' '' ''", file);
        AdminCli.Run allowed = noAws.run("explain", "--definitions", file, "--user", "app", "--vhost", "orders");
        assertThat(allowed.code()).as(allowed.all()).isZero();
        AdminCli.Run wrong = noAws.runWithStdin("not-it\n", "authenticate_user", "--definitions", file, "app",
                "--password-stdin");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.out()).contains("invalid credentials: wrong password");
        assertThat(noAws.run("explain", "--definitions", "/nonexistent.json", "--user", "app").code()).isEqualTo(2);
    }

    @Test
    void preHashedPasswordsAndUserFlagsSurviveExportAndImport(@TempDir Path dir) throws Exception {
        // docs/protocol.md section 4: password test12, salt 908dc60a, SHA-256
        String hash = "kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR";
        ok(warrenStdin(hash + "\n", "add_user", "--create-table", "legacy", "--pre-hashed-password", "--password-stdin"));
        ok(warrenStdin(hash + "\n", "add_user", "other", "--pre-hashed-password", "--hashing-algorithm",
                "rabbit_password_hashing_md5", "--password-stdin"));
        ok(warrenStdin("x\n", "add_user", "gateway", "--password-stdin"));
        ok(warrenStdin("test12\n", "authenticate_user", "legacy", "--password-stdin"));
        assertThat(warrenStdin("test12\n", "authenticate_user", "other", "--password-stdin").code()).isEqualTo(1);
        assertError(warrenStdin("not base64!\n", "add_user", "bad", "--pre-hashed-password", "--password-stdin"),
                "warren add_user: password hash is not valid base64");
        assertError(warrenStdin(hash + "\n", "add_user", "bad", "--pre-hashed-password", "--hashing-algorithm", "sha1",
                "--password-stdin"), "warren add_user: unknown hashing algorithm 'sha1'");

        ok(warren("set_user_flags", "legacy", "--disabled=true"));
        ok(warren("set_user_flags", "gateway", "--certificate-login=true"));
        assertThat(warren("set_user_flags", "gateway").code()).isEqualTo(1);
        assertThat(warren("set_user_flags", "ghost", "--disabled=true").err()).contains("no such user 'ghost'");
        AdminCli.Run disabled = warrenStdin("test12\n", "authenticate_user", "legacy", "--password-stdin");
        assertThat(disabled.code()).isEqualTo(1);
        assertThat(disabled.out()).contains("user is disabled");

        Path file = dir.resolve("export.json");
        ok(warren("export_definitions", file.toString()));
        JsonNode users = new ObjectMapper().readTree(file.toFile()).path("users");
        JsonNode legacy = null;
        JsonNode gateway = null;
        for (JsonNode u : users) {
            if (u.path("name").asText().equals("legacy")) {
                legacy = u;
            } else if (u.path("name").asText().equals("gateway")) {
                gateway = u;
            }
        }
        assertThat(legacy.path("password_hash").asText()).isEqualTo(hash);
        assertThat(legacy.path("hashing_algorithm").asText()).isEqualTo("rabbit_password_hashing_sha256");
        assertThat(legacy.path("warren_disabled").asBoolean()).isTrue();
        assertThat(gateway.path("warren_certificate_login").asBoolean()).isTrue();

        String again = table + "-again";
        TableCreator.createTableIfMissing(dynamo, again);
        new DefinitionsImporter(dynamo, again, secrets, "again/").importDefinitions(DefinitionsReader.read(file));
        AdminCli.Run reexported = cli.run("export_definitions", "--table", again, "--secret-prefix", "again/", "-");
        assertThat(reexported.out()).isEqualTo(Files.readString(file));
        ok(warren("set_user_flags", "legacy", "--disabled=false"));
        ok(warrenStdin("test12\n", "authenticate_user", "legacy", "--password-stdin"));
    }
}
