package dev.warren.store.aws;

import static dev.warren.store.aws.UserItems.CERTIFICATE_LOGIN;
import static dev.warren.store.aws.UserItems.CONFIGURE;
import static dev.warren.store.aws.UserItems.DISABLED;
import static dev.warren.store.aws.UserItems.EXCHANGE;
import static dev.warren.store.aws.UserItems.PERM_PREFIX;
import static dev.warren.store.aws.UserItems.PROFILE;
import static dev.warren.store.aws.UserItems.READ;
import static dev.warren.store.aws.UserItems.SECRET_ID;
import static dev.warren.store.aws.UserItems.SK;
import static dev.warren.store.aws.UserItems.TAGS;
import static dev.warren.store.aws.UserItems.TOPIC_PREFIX;
import static dev.warren.store.aws.UserItems.USERNAME;
import static dev.warren.store.aws.UserItems.VHOST;
import static dev.warren.store.aws.UserItems.WRITE;

import dev.warren.policy.PermissionTriple;
import dev.warren.policy.TopicPermission;
import dev.warren.policy.UserPolicy;
import dev.warren.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the items of one user's partition back into a {@link UserPolicy}, strictly: values come
 * from the attributes, never from the sort key, and a missing or mistyped attribute is corrupt.
 */
public final class UserItemReader {

    private UserItemReader() {
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
        return new StoreException("corrupt item " + UserItems.partitionKey(username) + " / " + sk + ": " + problem);
    }

}
