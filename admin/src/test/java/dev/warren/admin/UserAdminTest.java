package dev.warren.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.config.WarrenConfig;
import dev.warren.definitions.Definitions;
import dev.warren.definitions.DefinitionsReader;
import dev.warren.password.PasswordHash;
import dev.warren.password.PasswordHasher;
import dev.warren.policy.AuthRequest;
import dev.warren.policy.PermissionTriple;
import dev.warren.policy.TopicPermission;
import dev.warren.policy.UserPolicy;
import dev.warren.service.AuthService;
import dev.warren.service.AuthServices;
import dev.warren.store.CachingPasswordHashStore;
import dev.warren.store.CachingPolicyStore;
import dev.warren.store.InMemorySecretStore;
import dev.warren.store.InMemoryStore;
import dev.warren.store.SecretPasswordHashStore;
import dev.warren.store.SecretStore;
import dev.warren.store.StoreException;
import dev.warren.store.aws.AwsClients;
import dev.warren.store.aws.DynamoDbPolicyStore;
import dev.warren.store.aws.LocalDynamoDb;
import dev.warren.store.aws.UserItems;
import dev.warren.testing.DecisionMatrix;
import dev.warren.testing.Fixtures;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** rabbitmqctl's verbs over the real single-table code, against in-process DynamoDB Local. */
class UserAdminTest {

    private static final String PREFIX = "warren/users/";
    private static final PasswordHasher FAST = new PasswordHasher(1000);

    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb("admin-test-");

    private DynamoDbClient dynamo;
    private String table;
    private InMemorySecretStore secrets;
    private UserAdmin admin;

    @BeforeEach
    void freshTable() {
        dynamo = DYNAMO.client();
        table = DYNAMO.newTableName();
        TableCreator.createTableIfMissing(dynamo, table);
        secrets = new InMemorySecretStore();
        admin = new UserAdmin(dynamo, table, secrets, PREFIX);
    }

    private AuthService service(DynamoDbClient client, String tableName, SecretStore secretStore) {
        // the functions' wiring (AwsAuthService.over) with a cheap dummy hash for unknown users
        WarrenConfig config = WarrenConfig.defaults();
        return AuthServices.over(CachingPolicyStore.over(new DynamoDbPolicyStore(client, tableName), config),
                CachingPasswordHashStore.over(new SecretPasswordHashStore(secretStore, PREFIX), config), FAST);
    }

    @Test
    void addUserThenGrantThenTheFunctionsAllow() {
        admin.addUser("app", Optional.of(FAST.hash("s3cr3t")));
        admin.setPermissions("app", "orders", new PermissionTriple("^app\\.", "", ".*"));
        admin.setUserTags("app", List.of("management", "policymaker", "management"));
        AuthService service = service(dynamo, table, secrets);
        assertThat(service.decide(new AuthRequest.UserRequest("app", Optional.of("s3cr3t"))).body())
                .isEqualTo("allow management policymaker");
        assertThat(service.decide(new AuthRequest.UserRequest("app", Optional.of("nope"))).allowed()).isFalse();
        assertThat(service.decide(new AuthRequest.VhostRequest("app", "orders")).allowed()).isTrue();
        assertThat(service.decide(new AuthRequest.VhostRequest("app", "/")).allowed()).isFalse();
        assertThat(secrets.read(PREFIX + "app").orElseThrow()).contains("warren_password_hashing_pbkdf2_sha256")
                .doesNotContain("s3cr3t");
    }

    @Test
    void addingAnExistingUserFails() {
        admin.addUser("app", Optional.of(FAST.hash("a")));
        assertThatThrownBy(() -> admin.addUser("app", Optional.of(FAST.hash("b"))))
                .isInstanceOf(AdminException.class).hasMessage("user 'app' already exists");
    }

    @Test
    void changesToUnknownUsersNameTheUser() {
        assertThatThrownBy(() -> admin.setPermissions("bob", "/", new PermissionTriple(".*", ".*", ".*")))
                .isInstanceOf(AdminException.class).hasMessage("no such user 'bob'");
        assertThatThrownBy(() -> admin.deleteUser("bob")).hasMessage("no such user 'bob'");
        assertThatThrownBy(() -> admin.changePassword("bob", FAST.hash("x"))).hasMessage("no such user 'bob'");
        assertThatThrownBy(() -> admin.setUserTags("bob", List.of())).hasMessage("no such user 'bob'");
    }

    @Test
    void validationHappensBeforeAnyWrite() {
        admin.addUser("app", Optional.of(FAST.hash("a")));
        List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> before = scan();
        assertThatThrownBy(() -> admin.setPermissions("app", "/", new PermissionTriple(".*", "(", ".*")))
                .isInstanceOf(AdminException.class)
                .hasMessageStartingWith("write regex '(' cannot be used: PCRE rejects it: missing )");
        assertThatThrownBy(() -> admin.setTopicPermissions("app", new TopicPermission("/", "amq.topic", "x", "[")))
                .hasMessageStartingWith("read regex '[' cannot be used: PCRE rejects it: missing terminating ]");
        assertThatThrownBy(() -> admin.setTopicPermissions("app", new TopicPermission("/", "amq.topic", "^{username}(", "")))
                .hasMessageStartingWith("write regex '^{username}(' cannot be used (after replacing {username},");
        assertThatThrownBy(() -> admin.setPermissions("app", "", new PermissionTriple("", "", "")))
                .hasMessageContaining("vhost must not be empty");
        assertThatThrownBy(() -> admin.addUser("", Optional.empty())).hasMessage("username must not be empty");
        assertThatThrownBy(() -> admin.setUserTags("app", List.of("Admin")))
                .hasMessageContaining("tag 'Admin' is not a lower-case word");
        assertThatThrownBy(() -> admin.setUserTags("app", List.of("a b"))).hasMessageContaining("tag 'a b'");
        assertThatThrownBy(() -> admin.setTopicPermissions("app", new TopicPermission("/", "", "", "")))
                .hasMessage("exchange must not be empty");
        assertThat(scan()).isEqualTo(before);
    }

    @Test
    void topicRegexesWithVariablesAreAccepted() {
        admin.addUser("sensor-1", Optional.empty());
        admin.setTopicPermissions("sensor-1", new TopicPermission("iot", "amq.topic", "^sensors\\.{username}\\.",
                "^{vhost}\\.{client_id}$"));
        assertThat(admin.requireUser("sensor-1").topicPermission("iot", "amq.topic").orElseThrow().write())
                .isEqualTo("^sensors\\.{username}\\.");
    }

    @Test
    void clearPermissionsAndTopicPermissions() {
        admin.addUser("app", Optional.empty());
        admin.setPermissions("app", "/", new PermissionTriple(".*", ".*", ".*"));
        admin.setPermissions("app", "orders", new PermissionTriple("", "", ""));
        admin.setTopicPermissions("app", new TopicPermission("/", "amq.topic", "^a", "^b"));
        admin.setTopicPermissions("app", new TopicPermission("/", "x.topic", "^a", "^b"));
        admin.setTopicPermissions("app", new TopicPermission("orders", "amq.topic", "^a", "^b"));
        assertThat(admin.clearPermissions("app", "/")).isTrue();
        assertThat(admin.clearPermissions("app", "/")).isFalse();
        assertThat(admin.clearTopicPermissions("app", "/", Optional.of("x.topic"))).isEqualTo(1);
        UserPolicy app = admin.requireUser("app");
        assertThat(app.permissions()).containsOnlyKeys("orders");
        assertThat(app.topicPermissions()).containsOnlyKeys(new UserPolicy.TopicKey("/", "amq.topic"),
                new UserPolicy.TopicKey("orders", "amq.topic"));
        assertThat(admin.clearTopicPermissions("app", "orders", Optional.empty())).isEqualTo(1);
        assertThat(admin.requireUser("app").topicPermissions()).containsOnlyKeys(new UserPolicy.TopicKey("/", "amq.topic"));
        assertThat(scan()).hasSize(3); // profile, PERM#orders, TOPIC#/#amq.topic
    }

    @Test
    void deleteUserRemovesItemsAndSecretSoTheNameCanBeReused() {
        admin.addUser("app", Optional.of(FAST.hash("old")));
        admin.setPermissions("app", "/", new PermissionTriple(".*", ".*", ".*"));
        admin.setTopicPermissions("app", new TopicPermission("/", "amq.topic", ".*", ".*"));
        admin.deleteUser("app");
        assertThat(scan()).isEmpty();
        assertThat(secrets.read(PREFIX + "app")).isEmpty();
        admin.addUser("app", Optional.of(FAST.hash("new")));
        AuthService service = service(dynamo, table, secrets);
        assertThat(service.decide(new AuthRequest.UserRequest("app", Optional.of("old"))).allowed()).isFalse();
        assertThat(service.decide(new AuthRequest.UserRequest("app", Optional.of("new"))).allowed()).isTrue();
        assertThat(service.decide(new AuthRequest.VhostRequest("app", "/")).allowed()).isFalse();
    }

    @Test
    void addUserWithoutPasswordRemovesALeftoverSecret() {
        secrets.write(PREFIX + "app", SecretPasswordHashStore.secretString(FAST.hash("leftover")));
        admin.addUser("app", Optional.empty());
        assertThat(secrets.read(PREFIX + "app")).isEmpty();
    }

    @Test
    void changeAndClearPassword() {
        admin.addUser("app", Optional.of(FAST.hash("one")));
        admin.changePassword("app", FAST.hash("two"));
        assertThat(service(dynamo, table, secrets).decide(new AuthRequest.UserRequest("app", Optional.of("two")))
                .allowed()).isTrue();
        admin.clearPassword("app");
        assertThat(service(dynamo, table, secrets).decide(new AuthRequest.UserRequest("app", Optional.of("two")))
                .reason()).endsWith("user has no password");
    }

    @Test
    void aFailedTransactionLeavesTheUserAsItWas() {
        admin.addUser("app", Optional.empty());
        admin.setPermissions("app", "/", new PermissionTriple("^a", "^a", "^a"));
        List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> before = scan();
        DynamoDbClient failing = intercept(dynamo, (method, args) -> {
            if (method.equals("transactWriteItems")) {
                throw software.amazon.awssdk.services.dynamodb.model.DynamoDbException.builder()
                        .message("injected").build();
            }
            return null;
        });
        UserAdmin broken = new UserAdmin(failing, table, secrets, PREFIX);
        assertThatThrownBy(() -> broken.setTopicPermissions("app", new TopicPermission("/", "t", "x", "y")))
                .isInstanceOf(StoreException.class).hasMessageContaining("injected");
        assertThatThrownBy(() -> broken.deleteUser("app")).isInstanceOf(StoreException.class);
        assertThat(scan()).isEqualTo(before);
    }

    @Test
    void aSecretFailureDuringAddUserLeavesNoUser() {
        SecretStore failing = new SecretStore() {
            public Optional<String> read(String id) {
                return Optional.empty();
            }

            public void write(String name, String secretString) {
                throw new StoreException("Secrets Manager secret '" + name + "': AccessDeniedException");
            }

            public void delete(String name) {
            }
        };
        UserAdmin broken = new UserAdmin(dynamo, table, failing, PREFIX);
        assertThatThrownBy(() -> broken.addUser("app", Optional.of(FAST.hash("x"))))
                .hasMessageContaining("AccessDeniedException").hasMessageContaining("user 'app' not added");
        assertThat(scan()).isEmpty();
    }

    @Test
    void aConcurrentChangeIsNotLost() {
        admin.addUser("app", Optional.empty());
        AtomicInteger interleaved = new AtomicInteger();
        UserAdmin other = new UserAdmin(dynamo, table, secrets, PREFIX);
        DynamoDbClient racing = intercept(dynamo, (method, args) -> {
            if (method.equals("transactWriteItems") && interleaved.getAndIncrement() == 0) {
                other.setUserTags("app", List.of("administrator")); // lands between our read and our write
            }
            return null;
        });
        new UserAdmin(racing, table, secrets, PREFIX).setPermissions("app", "/", new PermissionTriple(".*", "", ""));
        UserPolicy app = admin.requireUser("app");
        assertThat(app.tags()).containsExactly("administrator");
        assertThat(app.permissions()).containsKey("/");
        assertThat(interleaved.get()).isEqualTo(2);
    }

    @Test
    void moreThanOneTransactionOfItemsIsRefusedWithTheLimit() {
        admin.addUser("big", Optional.empty());
        for (int i = 0; i < UserAdmin.MAX_TRANSACTION_ITEMS; i++) {
            dynamo.putItem(PutItemRequest.builder().tableName(table)
                    .item(UserItems.topicItem("big", new TopicPermission("/", "x" + i, ".*", ".*"))).build());
        }
        assertThatThrownBy(() -> admin.deleteUser("big")).isInstanceOf(AdminException.class)
                .hasMessageContaining("101 item writes").hasMessageContaining("DynamoDB allows 100");
        assertThat(admin.requireUser("big").topicPermissions()).hasSize(100);
    }

    @Test
    void aMissingTableIsNamed() {
        UserAdmin nowhere = new UserAdmin(dynamo, "no-such-table", secrets, PREFIX);
        assertThatThrownBy(nowhere::users).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("DynamoDB table 'no-such-table' does not exist");
        assertThatThrownBy(() -> nowhere.addUser("app", Optional.empty()))
                .hasMessageStartingWith("DynamoDB table 'no-such-table' does not exist");
    }

    @Test
    void importExportImportKeepsDecisionsAndHashes() throws Exception {
        for (Definitions original : List.of(DefinitionsReader.read(Path.of("../examples/definitions.json")),
                Fixtures.definitions())) {
            freshTable();
            new DefinitionsImporter(dynamo, table, secrets, PREFIX).importDefinitions(original);
            String exported = DefinitionsWriter.write(admin.exportDefinitions());

            String second = table + "-again";
            TableCreator.createTableIfMissing(dynamo, second);
            InMemorySecretStore secondSecrets = new InMemorySecretStore();
            new DefinitionsImporter(dynamo, second, secondSecrets, PREFIX)
                    .importDefinitions(DefinitionsReader.parse(exported));

            for (Definitions.User user : original.users()) {
                String name = SecretPasswordHashStore.secretName(PREFIX, user.name());
                assertThat(secondSecrets.read(name)).as(user.name()).isEqualTo(secrets.read(name));
                assertThat(secondSecrets.read(name).map(s -> s.contains(user.hash().map(PasswordHash::encoded)
                        .orElse("\u0000")))).isEqualTo(user.hash().map(h -> true));
            }
            List<AuthRequest> requests = DecisionMatrix.requests(original);
            List<String> oracle = DecisionMatrix.answers(
                    AuthServices.over(new InMemoryStore(original), new InMemoryStore(original), FAST), requests);
            assertThat(oracle).anyMatch(a -> a.contains("-> allow")).anyMatch(a -> a.contains("-> deny"));
            assertThat(DecisionMatrix.answers(service(dynamo, table, secrets), requests)).isEqualTo(oracle);
            assertThat(DecisionMatrix.answers(service(dynamo, second, secondSecrets), requests)).isEqualTo(oracle);
            assertThat(DefinitionsWriter.write(new UserAdmin(dynamo, second, secondSecrets, PREFIX).exportDefinitions()))
                    .isEqualTo(exported);
            dynamo.deleteTable(DeleteTableRequest.builder().tableName(second).build());
        }
    }

    private List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> scan() {
        return dynamo.scan(b -> b.tableName(table).consistentRead(true)).items().stream()
                .sorted(java.util.Comparator.comparing(i -> i.get(UserItems.PK).s() + "/" + i.get(UserItems.SK).s()))
                .toList();
    }

    /** A client that runs {@code before} (which may throw) ahead of each call, then delegates. */
    private static DynamoDbClient intercept(DynamoDbClient target, BiFunction<String, Object[], Object> before) {
        return (DynamoDbClient) Proxy.newProxyInstance(UserAdminTest.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    before.apply(method.getName(), args);
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
