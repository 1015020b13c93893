package dev.warren.store.aws;

import dev.warren.policy.PermissionTriple;
import dev.warren.policy.TopicPermission;
import dev.warren.policy.UserPolicy;
import dev.warren.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The single-table model, in one place: attribute names, key builders, the items of one user
 * and how to read them back. Partition {@code USER#<name>} holds a {@code PROFILE} item, one
 * {@code PERM#<esc(vhost)>} item per vhost and one {@code TOPIC#<esc(vhost)>#<esc(exchange)>}
 * item per topic permission. Readers take values from the attributes, never from the sort key.
 */
public final class UserItems {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String USERNAME = "username";
    public static final String TAGS = "tags";
    public static final String SECRET_ID = "secretId";
    public static final String DISABLED = "disabled";
    public static final String CERTIFICATE_LOGIN = "certificateLogin";
    public static final String UPDATED_AT = "updatedAt";
    public static final String VHOST = "vhost";
    public static final String EXCHANGE = "exchange";
    public static final String CONFIGURE = "configure";
    public static final String WRITE = "write";
    public static final String READ = "read";

    public static final String USER_PREFIX = "USER#";
    public static final String PROFILE = "PROFILE";
    public static final String PERM_PREFIX = "PERM#";
    public static final String TOPIC_PREFIX = "TOPIC#";

    private UserItems() {
    }

    /** {@code %} → {@code %25}, {@code #} → {@code %23}: sort keys built from names never collide. */
    public static String escape(String value) {
        return value.replace("%", "%25").replace("#", "%23");
    }

    public static String partitionKey(String username) {
        return USER_PREFIX + username;
    }

    public static String permissionSortKey(String vhost) {
        return PERM_PREFIX + escape(vhost);
    }

    public static String topicSortKey(String vhost, String exchange) {
        return TOPIC_PREFIX + escape(vhost) + "#" + escape(exchange);
    }

    /** The primary key of one item. */
    public static Map<String, AttributeValue> key(String partitionKey, String sortKey) {
        return Map.of(PK, s(partitionKey), SK, s(sortKey));
    }

    /**
     * Every item of one user's partition: one Query, paginated.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException as the client throws it; callers
     *     turn it into their own message
     */
    public static List<Map<String, AttributeValue>> queryPartition(DynamoDbClient dynamo, String table,
                                                                   String username, boolean consistentRead) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder()
                    .tableName(table)
                    .consistentRead(consistentRead)
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", PK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKey(username))));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(query.build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    public static Map<String, AttributeValue> profileItem(String username, List<String> tags, Optional<String> secretId,
                                                          boolean disabled, boolean certificateLogin, Instant updatedAt) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(partitionKey(username), PROFILE));
        item.put(USERNAME, s(username));
        item.put(TAGS, AttributeValue.fromL(tags.stream().map(UserItems::s).toList()));
        secretId.ifPresent(id -> item.put(SECRET_ID, s(id)));
        item.put(DISABLED, AttributeValue.fromBool(disabled));
        item.put(CERTIFICATE_LOGIN, AttributeValue.fromBool(certificateLogin));
        item.put(UPDATED_AT, s(updatedAt.toString()));
        return item;
    }

    public static Map<String, AttributeValue> permissionItem(String username, String vhost, PermissionTriple triple) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(partitionKey(username), permissionSortKey(vhost)));
        item.put(VHOST, s(vhost));
        item.put(CONFIGURE, s(triple.configure()));
        item.put(WRITE, s(triple.write()));
        item.put(READ, s(triple.read()));
        return item;
    }

    public static Map<String, AttributeValue> topicItem(String username, TopicPermission topic) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(
                key(partitionKey(username), topicSortKey(topic.vhost(), topic.exchange())));
        item.put(VHOST, s(topic.vhost()));
        item.put(EXCHANGE, s(topic.exchange()));
        item.put(WRITE, s(topic.write()));
        item.put(READ, s(topic.read()));
        return item;
    }

    /** Every item of one user: the profile first, then permissions, then topic permissions. */
    public static List<Map<String, AttributeValue>> items(UserPolicy user, Instant updatedAt) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        items.add(profileItem(user.username(), user.tags(), user.secretId(), user.disabled(), user.certificateLogin(),
                updatedAt));
        user.permissions().forEach((vhost, triple) -> items.add(permissionItem(user.username(), vhost, triple)));
        user.topicPermissions().values().forEach(topic -> items.add(topicItem(user.username(), topic)));
        return items;
    }

    /**
     * Reads one partition back. No {@code PROFILE} item means no such user; an item with a missing
     * or mistyped attribute is corrupt ({@link StoreException}, so deny). Unknown sort keys are ignored.
     */
    public static Optional<UserPolicy> toPolicy(String username, List<Map<String, AttributeValue>> items) {
        Map<String, AttributeValue> profile = null;
        Map<String, PermissionTriple> permissions = new HashMap<>();
        Map<UserPolicy.TopicKey, TopicPermission> topics = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            String sk = string(item, SK, username, "?");
            if (sk.equals(PROFILE)) {
                profile = item;
            } else if (sk.startsWith(PERM_PREFIX)) {
                String vhost = string(item, VHOST, username, sk);
                permissions.put(vhost, new PermissionTriple(string(item, CONFIGURE, username, sk),
                        string(item, WRITE, username, sk), string(item, READ, username, sk)));
            } else if (sk.startsWith(TOPIC_PREFIX)) {
                TopicPermission topic = new TopicPermission(string(item, VHOST, username, sk),
                        string(item, EXCHANGE, username, sk), string(item, WRITE, username, sk),
                        string(item, READ, username, sk));
                topics.put(new UserPolicy.TopicKey(topic.vhost(), topic.exchange()), topic);
            }
        }
        if (profile == null) {
            return Optional.empty();
        }
        String stored = string(profile, USERNAME, username, PROFILE);
        if (!stored.equals(username)) {
            throw corrupt(username, PROFILE, "'" + USERNAME + "' is '" + stored + "'");
        }
        Optional<String> secretId = Optional.ofNullable(profile.get(SECRET_ID)).map(v -> {
            if (v.s() == null || v.s().isEmpty()) {
                throw corrupt(username, PROFILE, "'" + SECRET_ID + "' must be a non-empty string (S)");
            }
            return v.s();
        });
        return Optional.of(new UserPolicy(username, tags(profile, username), flag(profile, DISABLED, username),
                flag(profile, CERTIFICATE_LOGIN, username), permissions, topics, secretId));
    }

    private static List<String> tags(Map<String, AttributeValue> profile, String username) {
        AttributeValue value = profile.get(TAGS);
        if (value == null || Boolean.TRUE.equals(value.nul())) {
            return List.of();
        }
        if (value.hasSs()) {
            return value.ss().stream().sorted().toList();
        }
        if (!value.hasL()) {
            throw corrupt(username, PROFILE, "'" + TAGS + "' must be a list of strings (L)");
        }
        List<String> tags = new ArrayList<>();
        for (AttributeValue tag : value.l()) {
            if (tag.s() == null) {
                throw corrupt(username, PROFILE, "every tag must be a string (S)");
            }
            tags.add(tag.s());
        }
        return tags;
    }

    private static boolean flag(Map<String, AttributeValue> item, String name, String username) {
        AttributeValue value = item.get(name);
        if (value == null || Boolean.TRUE.equals(value.nul())) {
            return false;
        }
        if (value.bool() == null) {
            throw corrupt(username, PROFILE, "'" + name + "' must be true or false (BOOL)");
        }
        return value.bool();
    }

    private static String string(Map<String, AttributeValue> item, String name, String username, String sk) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw corrupt(username, sk, "missing string (S) attribute '" + name + "'");
        }
        return value.s();
    }

    private static StoreException corrupt(String username, String sk, String problem) {
        return new StoreException("corrupt item " + partitionKey(username) + " / " + sk + ": " + problem);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** The table as template.yaml declares it: {@code pk} (S, hash), {@code sk} (S, range), on-demand. */
    public static CreateTableRequest createTableRequest(String table) {
        return CreateTableRequest.builder()
                .tableName(table)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(PK).attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(SK).attributeType(ScalarAttributeType.S).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(SK).keyType(KeyType.RANGE).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    /**
     * Creates the table unless it exists, then waits until it is active.
     *
     * @return true when this call created it
     */
    public static boolean createTableIfMissing(DynamoDbClient dynamo, String table) {
        boolean created = false;
        try {
            dynamo.describeTable(DescribeTableRequest.builder().tableName(table).build());
        } catch (ResourceNotFoundException e) {
            try {
                dynamo.createTable(createTableRequest(table));
                created = true;
            } catch (ResourceInUseException raced) {
                // someone else created it meanwhile
            }
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (dynamo.describeTable(DescribeTableRequest.builder().tableName(table).build()).table().tableStatus()
                != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new StoreException("DynamoDB table '" + table + "' did not become ACTIVE within 60 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while waiting for table '" + table + "'");
            }
        }
        return created;
    }
}
