package dev.warren.store.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.admin.DefinitionsImporter;
import dev.warren.admin.TableCreator;
import dev.warren.definitions.DefinitionsReader;
import dev.warren.policy.PermissionTriple;
import dev.warren.policy.UserPolicy;
import dev.warren.store.InMemorySecretStore;
import dev.warren.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** The DynamoDB store and the importer against DynamoDB Local, in process. */
class DynamoDbLocalStoreIT {

    @RegisterExtension
    static final LocalDynamoDb DYNAMO = new LocalDynamoDb();
    private static DynamoDbClient dynamo;
    private static final String TABLE = "warren";

    @BeforeAll
    static void createTable() {
        dynamo = DYNAMO.client();
        assertThat(TableCreator.createTableIfMissing(dynamo, TABLE)).isTrue();
        assertThat(TableCreator.createTableIfMissing(dynamo, TABLE)).isFalse();
    }

    private final DynamoDbPolicyStore store = new DynamoDbPolicyStore(dynamo, TABLE);

    private static void put(Map<String, AttributeValue> item) {
        dynamo.putItem(PutItemRequest.builder().tableName(TABLE).item(item).build());
    }

    @Test
    void importedUsersReadBackWhole() throws Exception {
        InMemorySecretStore secrets = new InMemorySecretStore();
        DefinitionsImporter importer = new DefinitionsImporter(dynamo, TABLE, secrets, "warren/users/");
        importer.importDefinitions(DefinitionsReader.parse(AwsStoresScenarios.DEFINITIONS));
        UserPolicy alice = store.findUser("alice").orElseThrow();
        assertThat(alice.tags()).containsExactly("administrator", "monitoring");
        assertThat(alice.permissionsOn("a#b%c")).contains(new PermissionTriple("", "", ""));
        assertThat(alice.permissionsOn("/").orElseThrow().configure()).isEqualTo("^app\\.");
        assertThat(alice.topicPermission("/", "amq.topic").orElseThrow().write()).isEqualTo("^{username}\\.");
        assertThat(store.findUser("gateway").orElseThrow().certificateLogin()).isTrue();
        assertThat(secrets.read("warren/users/jos=C3=A9")).isPresent();
        assertThat(secrets.read("warren/users/nopass")).isEmpty();
        assertThat(store.findUser("Alice")).isEmpty();
    }

    @Test
    void reimportRemovesWhatTheFileNoLongerHas() throws Exception {
        InMemorySecretStore secrets = new InMemorySecretStore();
        DefinitionsImporter importer = new DefinitionsImporter(dynamo, TABLE, secrets, "p/");
        importer.importDefinitions(DefinitionsReader.parse("""
                {"users": [{"name": "shrink", "password_hash": "%s", "tags": []}], "vhosts": [{"name": "a"}, {"name": "b"}],
                 "permissions": [{"user": "shrink", "vhost": "a", "configure": "", "write": "", "read": ""},
                                 {"user": "shrink", "vhost": "b", "configure": "", "write": "", "read": ""}]}
                """.formatted(AwsStoresScenarios.TEST12_SHA256)));
        DefinitionsImporter.Counts counts = importer.importDefinitions(DefinitionsReader.parse("""
                {"users": [{"name": "shrink", "password_hash": "", "tags": []}], "vhosts": [{"name": "a"}],
                 "permissions": [{"user": "shrink", "vhost": "a", "configure": "", "write": "", "read": ""}]}
                """));
        assertThat(counts.itemsDeleted()).isEqualTo(1);
        assertThat(counts.secretsDeleted()).isEqualTo(1);
        assertThat(store.findUser("shrink").orElseThrow().permissions()).containsOnlyKeys("a");
        assertThat(secrets.read("p/shrink")).isEmpty();
    }

    @Test
    void aPartitionWithoutProfileIsAnUnknownUser() {
        put(UserItems.permissionItem("orphan", "/", new PermissionTriple(".*", ".*", ".*")));
        assertThat(store.findUser("orphan")).isEmpty();
    }

    @Test
    void keysNeverCollide() {
        put(UserItems.profileItem("keys", List.of(), Optional.empty(), false, false, Instant.now()));
        put(UserItems.topicItem("keys", new dev.warren.policy.TopicPermission("a#b", "c", "1", "1")));
        put(UserItems.topicItem("keys", new dev.warren.policy.TopicPermission("a", "b#c", "2", "2")));
        put(UserItems.topicItem("keys", new dev.warren.policy.TopicPermission("a%23b", "c", "3", "3")));
        UserPolicy user = store.findUser("keys").orElseThrow();
        assertThat(user.topicPermissions()).hasSize(3);
        assertThat(user.topicPermission("a#b", "c").orElseThrow().write()).isEqualTo("1");
        assertThat(user.topicPermission("a", "b#c").orElseThrow().write()).isEqualTo("2");
        assertThat(user.topicPermission("a%23b", "c").orElseThrow().write()).isEqualTo("3");
    }

    @Test
    void aLargeUserIsReadAcrossPages() {
        put(UserItems.profileItem("big", List.of(), Optional.empty(), false, false, Instant.now()));
        String longRegex = "x".repeat(120_000);
        for (int i = 0; i < 12; i++) {
            put(UserItems.permissionItem("big", "v" + i, new PermissionTriple(longRegex, "", "")));
        }
        assertThat(store.findUser("big").orElseThrow().permissions()).hasSize(12);
    }

    @Test
    void corruptItemsAreStoreErrors() {
        Map<String, AttributeValue> profile = new java.util.HashMap<>(
                UserItems.profileItem("corrupt", List.of(), Optional.empty(), false, false, Instant.now()));
        profile.put(UserItems.DISABLED, AttributeValue.fromS("no"));
        put(profile);
        assertThatThrownBy(() -> store.findUser("corrupt")).isInstanceOf(StoreException.class)
                .hasMessage("corrupt item USER#corrupt / PROFILE: 'disabled' must be true or false (BOOL)");
        Map<String, AttributeValue> perm = new java.util.HashMap<>(
                UserItems.permissionItem("corrupt2", "/", new PermissionTriple("", "", "")));
        perm.remove(UserItems.READ);
        put(UserItems.profileItem("corrupt2", List.of(), Optional.empty(), false, false, Instant.now()));
        put(perm);
        assertThatThrownBy(() -> store.findUser("corrupt2"))
                .hasMessage("corrupt item USER#corrupt2 / PERM#/: missing string (S) attribute 'read'");
    }

    @Test
    void missingTableIsAStoreError() {
        assertThatThrownBy(() -> new DynamoDbPolicyStore(dynamo, "nope").findUser("x"))
                .isInstanceOf(StoreException.class).hasMessageContaining("'nope' does not exist");
    }

    /** {@code serve --definitions} may run the shared throttle on DynamoDB Local: its conditional updates behave alike. */
    @Test
    void theSharedThrottleCountsAcrossInstancesOnDynamoDbLocal() {
        dev.warren.config.WarrenConfig config = dev.warren.config.WarrenConfig.fromEnvironment(Map.of(
                "WARREN_TABLE", TABLE, "WARREN_THROTTLE_FAILURES", "2", "WARREN_THROTTLE_SCOPE", "shared"));
        long[] now = {Instant.now().toEpochMilli()};
        java.time.InstantSource clock = () -> Instant.ofEpochMilli(now[0]);
        DynamoDbLoginThrottle a = new DynamoDbLoginThrottle(dynamo, config, dev.warren.service.LoginThrottle.NONE, clock);
        DynamoDbLoginThrottle b = new DynamoDbLoginThrottle(dynamo, config, dev.warren.service.LoginThrottle.NONE, clock);
        a.recordFailure("carol");
        assertThat(b.isThrottled("carol")).isFalse();
        b.recordFailure("carol");
        assertThat(a.isThrottled("carol")).isTrue();
        now[0] += java.time.Duration.ofSeconds(300).toMillis();
        assertThat(a.isThrottled("carol")).isFalse();
        b.recordFailure("carol");
        assertThat(a.isThrottled("carol")).as("a new window starts at one").isFalse();
    }
}
