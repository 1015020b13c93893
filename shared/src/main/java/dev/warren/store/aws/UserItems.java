package dev.warren.store.aws;

import dev.warren.policy.PermissionTriple;
import dev.warren.policy.TopicPermission;
import dev.warren.policy.UserPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single-table model, in one place: attribute names, key builders and the items of one user
 * ({@link UserItemReader} reads them back). Partition {@code USER#<name>} holds a {@code PROFILE} item, one
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

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
