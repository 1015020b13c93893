package dev.warren.functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warren.config.WarrenConfig;
import dev.warren.definitions.Definitions;
import dev.warren.policy.PermissionTriple;
import dev.warren.policy.TopicPermission;
import dev.warren.policy.UserPolicy;
import dev.warren.service.AuthService;
import dev.warren.service.AuthServices;
import dev.warren.store.InMemoryStore;
import dev.warren.store.SecretPasswordHashStore;
import dev.warren.store.aws.AwsClients;
import dev.warren.store.aws.SecretsManagerSecretStore;
import dev.warren.store.aws.ThrottleItems;
import dev.warren.store.aws.UserItems;
import dev.warren.wiring.AwsAuthService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.warmup.http.CannedResponseHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Decision services over {@link PrimingUser} alone, for priming without network: the same classes
 * a function's real service uses, fed from memory. Over AWS that is the real stores, caches and
 * SDK clients (signing, marshalling, retries, unmarshalling) whose HTTP client answers with a
 * canned DynamoDB Query or Secrets Manager GetSecretValue response instead of sending anything.
 */
final class PrimingStores {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming"));

    /** A priming service and what to close after it ran. */
    record Offline(AuthService service, List<AutoCloseable> clients) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            for (AutoCloseable client : clients) {
                client.close();
            }
        }
    }

    private PrimingStores() {
    }

    /** For functions answering from a definitions file: the in-memory store. */
    static Offline inMemory(PrimingUser user) {
        InMemoryStore store = new InMemoryStore(new Definitions(
                List.of(new Definitions.User(user.username(), java.util.Optional.of(user.hash()), user.tags(), false, false)),
                List.of(PrimingUser.VHOST),
                user.policy().permissions().entrySet().stream()
                        .map(e -> new Definitions.Permission(user.username(), e.getKey(), e.getValue())).toList(),
                user.policy().topicPermissions().values().stream()
                        .map(t -> new Definitions.TopicPermissionEntry(user.username(), t)).toList()));
        return new Offline(AuthServices.over(store, store), List.of());
    }

    /** For functions on DynamoDB and Secrets Manager: the real stores over canned responses. */
    static Offline aws(PrimingUser user, WarrenConfig config) {
        DynamoDbClient dynamo = AwsClients.dynamoDbBuilder(config)
                .httpClient(canned(queryResponse(user.policy())))
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).build();
        SecretsManagerClient secrets = AwsClients.secretsManagerBuilder(config)
                .httpClient(canned(secretResponse(user)))
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).build();
        AuthService service = AwsAuthService.over(dynamo, new SecretsManagerSecretStore(secrets), config);
        return new Offline(service, List.of(dynamo, secrets));
    }

    private static CannedResponseHttpClient canned(String body) {
        return CannedResponseHttpClient.builder().statusCode(200).responseBody(body.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /**
     * The Query response holding the user's partition, in DynamoDB's JSON. The same body answers the
     * shared login throttle's calls (the canned client has one body for every call): GetItem finds no
     * {@code Item} (not throttled) and UpdateItem returns {@code Attributes} of a counter whose window
     * has ended, so a user function with {@code WARREN_THROTTLE_SCOPE=shared} primes those calls too.
     */
    static String queryResponse(UserPolicy user) {
        ArrayNode items = JSON.createArrayNode();
        ObjectNode profile = item(user.username(), UserItems.PROFILE);
        put(profile, UserItems.USERNAME, user.username());
        ArrayNode tags = profile.putObject(UserItems.TAGS).putArray("L");
        user.tags().forEach(tag -> tags.addObject().put("S", tag));
        profile.putObject(UserItems.DISABLED).put("BOOL", user.disabled());
        profile.putObject(UserItems.CERTIFICATE_LOGIN).put("BOOL", user.certificateLogin());
        put(profile, UserItems.UPDATED_AT, "2026-01-01T00:00:00Z");
        items.add(profile);
        for (Map.Entry<String, PermissionTriple> e : user.permissions().entrySet()) {
            ObjectNode item = item(user.username(), UserItems.permissionSortKey(e.getKey()));
            put(item, UserItems.VHOST, e.getKey());
            put(item, UserItems.CONFIGURE, e.getValue().configure());
            put(item, UserItems.WRITE, e.getValue().write());
            put(item, UserItems.READ, e.getValue().read());
            items.add(item);
        }
        for (TopicPermission topic : user.topicPermissions().values()) {
            ObjectNode item = item(user.username(), UserItems.topicSortKey(topic.vhost(), topic.exchange()));
            put(item, UserItems.VHOST, topic.vhost());
            put(item, UserItems.EXCHANGE, topic.exchange());
            put(item, UserItems.WRITE, topic.write());
            put(item, UserItems.READ, topic.read());
            items.add(item);
        }
        ObjectNode response = JSON.createObjectNode();
        response.put("Count", items.size()).put("ScannedCount", items.size()).set("Items", items);
        ObjectNode counter = response.putObject("Attributes");
        counter.putObject(ThrottleItems.FAILURES).put("N", "1");
        counter.putObject(ThrottleItems.WINDOW_END).put("N", "0");
        return response.toString();
    }

    /** The GetSecretValue response holding the user's hash as warren stores it. */
    static String secretResponse(PrimingUser user) {
        ObjectNode response = JSON.createObjectNode();
        response.put("Name", user.username());
        response.put("SecretString", SecretPasswordHashStore.secretString(user.hash()));
        return response.toString();
    }

    private static ObjectNode item(String username, String sortKey) {
        ObjectNode item = JSON.createObjectNode();
        put(item, UserItems.PK, UserItems.partitionKey(username));
        put(item, UserItems.SK, sortKey);
        return item;
    }

    private static void put(ObjectNode item, String name, String value) {
        item.putObject(name).put("S", value);
    }
}
