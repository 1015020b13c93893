package dev.warren.store.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.admin.DefinitionsImporter;
import dev.warren.admin.TableCreator;
import dev.warren.wiring.AwsAuthService;
import dev.warren.config.WarrenConfig;
import dev.warren.definitions.Definitions;
import dev.warren.definitions.DefinitionsReader;
import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.AuthRequest.VhostRequest;
import dev.warren.policy.Decision;
import dev.warren.policy.Permission;
import dev.warren.policy.ResourceKind;
import dev.warren.service.AuthService;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The same scenarios against any engine that speaks the DynamoDB and Secrets Manager APIs
 * (moto_server here, LocalStack where Docker exists): import, decisions, corrupt items, and a
 * store that stops answering.
 */
abstract class AwsStoresScenarios {

    /** Password {@code test12} in RabbitMQ's SHA-256 format (docs/protocol.md §4). */
    static final String TEST12_SHA256 = "kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR";

    static final String DEFINITIONS = """
            {"users": [
              {"name": "alice", "password_hash": "%1$s", "hashing_algorithm": "rabbit_password_hashing_sha256",
               "tags": ["administrator", "monitoring"]},
              {"name": "josé", "password_hash": "%1$s", "tags": "management"},
              {"name": "nopass", "password_hash": "", "tags": []},
              {"name": "gateway", "password_hash": "", "tags": [], "warren_certificate_login": true}
            ],
            "vhosts": [{"name": "/"}, {"name": "a#b%%c"}],
            "permissions": [
              {"user": "alice", "vhost": "/", "configure": "^app\\\\.", "write": ".*", "read": ".*"},
              {"user": "alice", "vhost": "a#b%%c", "configure": "", "write": "", "read": ""},
              {"user": "josé", "vhost": "/", "configure": "", "write": "", "read": "^q$"}
            ],
            "topic_permissions": [
              {"user": "alice", "vhost": "/", "exchange": "amq.topic", "write": "^{username}\\\\.", "read": ".*"}
            ]}
            """.formatted(TEST12_SHA256);

    protected DynamoDbClient dynamo;
    protected SecretsManagerClient secrets;
    protected String table;
    protected String prefix;

    /** Where the engine answers. */
    abstract URI endpoint();

    /** Makes every call hang (a blackout). */
    abstract void pause() throws Exception;

    abstract void resume() throws Exception;

    WarrenConfig config(Map<String, String> overrides) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "WARREN_TABLE", table, "WARREN_SECRET_PREFIX", prefix,
                "WARREN_AWS_TIMEOUT_MILLIS", "1500", "WARREN_AWS_ATTEMPT_TIMEOUT_MILLIS", "700",
                "WARREN_AWS_MAX_ATTEMPTS", "2", "WARREN_POLICY_TTL_SECONDS", "0", "WARREN_SECRET_TTL_SECONDS", "0",
                "WARREN_NEGATIVE_TTL_SECONDS", "0", "WARREN_CREDENTIAL_TTL_SECONDS", "0"));
        env.putAll(overrides);
        return WarrenConfig.fromEnvironment(env);
    }

    DynamoDbClient dynamoClient(WarrenConfig config) {
        return DynamoDbClient.builder().httpClient(AwsClients.httpClient(config))
                .overrideConfiguration(AwsClients.override(config)).endpointOverride(endpoint())
                .region(Region.US_EAST_1).credentialsProvider(credentials()).build();
    }

    SecretsManagerClient secretsClient(WarrenConfig config) {
        return SecretsManagerClient.builder().httpClient(AwsClients.httpClient(config))
                .overrideConfiguration(AwsClients.override(config)).endpointOverride(endpoint())
                .region(Region.US_EAST_1).credentialsProvider(credentials()).build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }

    /** The production assembly (caches included) over clients pointed at the engine. */
    AuthService service(WarrenConfig config) {
        return AwsAuthService.over(dynamoClient(config), new SecretsManagerSecretStore(secretsClient(config)), config);
    }

    @BeforeEach
    void importFixture() throws Exception {
        table = "warren-" + UUID.randomUUID().toString().substring(0, 8);
        prefix = "warren/" + table + "/";
        WarrenConfig config = config(Map.of("WARREN_AWS_TIMEOUT_MILLIS", "10000",
                "WARREN_AWS_ATTEMPT_TIMEOUT_MILLIS", "5000"));
        dynamo = dynamoClient(config);
        secrets = secretsClient(config);
        assertThat(TableCreator.createTableIfMissing(dynamo, table)).isTrue();
        importDefinitions();
    }

    DefinitionsImporter.Counts importDefinitions() throws Exception {
        return new DefinitionsImporter(dynamo, table, new SecretsManagerSecretStore(secrets), prefix)
                .importDefinitions(DefinitionsReader.parse(DEFINITIONS));
    }

    @AfterEach
    void closeClients() throws Exception {
        resume();
        dynamo.close();
        secrets.close();
    }

    static Decision login(AuthService service, String user, String password) {
        return service.decide(new UserRequest(user, Optional.ofNullable(password)));
    }

    @Test
    void answersFromTheImportedDefinitions() {
        AuthService service = service(config(Map.of()));
        assertThat(login(service, "alice", "test12").body()).isEqualTo("allow administrator monitoring");
        assertThat(login(service, "alice", "test13").reason()).contains("wrong password");
        assertThat(login(service, "josé", "test12").body()).isEqualTo("allow management");
        assertThat(login(service, "nopass", "x").reason()).contains("user has no password");
        assertThat(login(service, "gateway", null).allowed()).isTrue();
        assertThat(login(service, "nobody", "x").reason()).contains("unknown user");
        assertThat(service.decide(new VhostRequest("alice", "a#b%c")).allowed()).isTrue();
        assertThat(service.decide(new VhostRequest("josé", "a#b%c")).allowed()).isFalse();
        assertThat(service.decide(new ResourceRequest("alice", "/", ResourceKind.QUEUE, "app.q", Permission.CONFIGURE))
                .allowed()).isTrue();
        assertThat(service.decide(new ResourceRequest("alice", "/", ResourceKind.QUEUE, "x.q", Permission.CONFIGURE))
                .allowed()).isFalse();
        assertThat(service.decide(new TopicRequest("alice", "/", "amq.topic", Permission.WRITE, "alice.k",
                Map.of("username", "alice", "vhost", "/"))).allowed()).isTrue();
        assertThat(service.decide(new TopicRequest("alice", "/", "amq.topic", Permission.WRITE, "bob.k",
                Map.of("username", "alice", "vhost", "/"))).allowed()).isFalse();
    }

    @Test
    void reimportIsIdempotent() throws Exception {
        DefinitionsImporter.Counts again = importDefinitions();
        assertThat(again.itemsWritten()).isZero();
        assertThat(again.itemsDeleted()).isZero();
        assertThat(again.secretsWritten()).isZero();
        assertThat(again.itemsUnchanged()).isEqualTo(4 + 3 + 1);
        assertThat(again.secretsUnchanged()).isEqualTo(2);
    }

    @Test
    void sharedSecretWithJsonKey() {
        String shared = prefix + "shared";
        new SecretsManagerSecretStore(secrets).write(shared,
                "{\"bob\": {\"algorithm\": \"rabbit_password_hashing_sha256\", \"hash\": \"" + TEST12_SHA256 + "\"}}");
        put(UserItems.profileItem("bob", List.of("t"), Optional.of(shared + "#bob"), false, false, Instant.now()));
        AuthService service = service(config(Map.of()));
        assertThat(login(service, "bob", "test12").body()).isEqualTo("allow t");
    }

    @Test
    void corruptItemsAndSecretsDenyWithTheirReason() {
        put(UserItems.permissionItem("alice", "/", new dev.warren.policy.PermissionTriple("(", "(", "(")));
        put(UserItems.profileItem("broken-json", List.of(), Optional.empty(), false, false, Instant.now()));
        put(UserItems.profileItem("broken-algo", List.of(), Optional.empty(), false, false, Instant.now()));
        Map<String, AttributeValue> noUsername = new java.util.HashMap<>(
                UserItems.profileItem("nameless", List.of(), Optional.empty(), false, false, Instant.now()));
        noUsername.remove(UserItems.USERNAME);
        put(noUsername);
        SecretsManagerSecretStore store = new SecretsManagerSecretStore(secrets);
        store.write(prefix + "broken-json", "{\"hash\": ");
        store.write(prefix + "broken-algo", "{\"algorithm\": \"rabbit_password_hashing_sha1\", \"hash\": \"" + TEST12_SHA256 + "\"}");

        AuthService service = service(config(Map.of()));
        Decision badRegex = service.decide(new ResourceRequest("alice", "/", ResourceKind.QUEUE, "q", Permission.READ));
        assertThat(badRegex.allowed()).isFalse();
        assertThat(badRegex.reason()).contains("(");
        assertThat(login(service, "broken-json", "x").reason()).contains("is not valid JSON");
        assertThat(login(service, "broken-algo", "x").reason()).contains("unknown hashing algorithm 'rabbit_password_hashing_sha1'");
        Decision nameless = login(service, "nameless", "x");
        assertThat(nameless.allowed()).isFalse();
        assertThat(nameless.reason()).contains("corrupt item USER#nameless / PROFILE");
    }

    @Test
    void missingTableDeniesWithReason() {
        table = "warren-missing-" + UUID.randomUUID().toString().substring(0, 8);
        Decision decision = login(service(config(Map.of())), "alice", "test12");
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("does not exist");
    }

    @Test
    void aStoreThatStopsAnsweringDeniesWithinTheTimeoutAndRecovers() throws Exception {
        WarrenConfig config = config(Map.of("WARREN_STALE_SECONDS", "0"));
        AuthService service = service(config);
        assertThat(login(service, "alice", "test12").allowed()).isTrue();
        pause();
        try {
            long start = System.nanoTime();
            Decision during = login(service, "alice", "test12");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(during.allowed()).isFalse();
            assertThat(during.cause()).isEqualTo(dev.warren.policy.Cause.STORE_ERROR);
            // bounded by the call timeout (without it the call would wait for resume()); the margin
            // is for a loaded machine, not a measurement
            assertThat(millis).isLessThan(config.awsTimeout().toMillis() + 3000);
        } finally {
            resume();
        }
        assertThat(login(service, "alice", "test12").allowed()).isTrue();
    }

    @Test
    void staleAnswersAreServedOnlyWithinTheWindowAndOnlyForUsersSeen() throws Exception {
        // Short call timeouts: the answers during the pause (each waits out its calls) leave most of
        // the 4 s window unused, even on a loaded machine.
        AuthService service = service(config(Map.of("WARREN_STALE_SECONDS", "4",
                "WARREN_AWS_TIMEOUT_MILLIS", "400", "WARREN_AWS_ATTEMPT_TIMEOUT_MILLIS", "200")));
        assertThat(login(service, "alice", "test12").allowed()).isTrue();
        long seenAt = System.nanoTime(); // the good answers were read before this
        pause();
        try {
            assertThat(login(service, "alice", "test12").allowed()).isTrue();
            assertThat(service.decide(new VhostRequest("alice", "/")).allowed()).isTrue();
            assertThat(login(service, "josé", "test12").allowed()).isFalse();
            long waitMillis = 4200 - (System.nanoTime() - seenAt) / 1_000_000;
            if (waitMillis > 0) {
                Thread.sleep(waitMillis);
            }
            assertThat(login(service, "alice", "test12").allowed()).isFalse();
        } finally {
            resume();
        }
        assertThat(login(service, "alice", "test12").allowed()).isTrue();
    }

    void put(Map<String, AttributeValue> item) {
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    static Definitions definitions() throws Exception {
        return DefinitionsReader.parse(DEFINITIONS);
    }
}
