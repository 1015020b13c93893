package dev.warren.admin;

import dev.warren.policy.UserPolicy;
import dev.warren.store.aws.UserItems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The actions of one transaction that make a user's partition hold exactly one policy's items (or
 * nothing). The profile is always written (or deleted), conditioned on the profile that was read,
 * so two writers never interleave half-changes; other items are put only when they differ and
 * deleted when no longer wanted. Items with sort keys warren does not know are left alone unless
 * the user is deleted. When nothing but the profile's timestamp would change, there is no action.
 *
 * @param items the items the partition holds afterwards (the ones warren knows)
 * @param changed items put because they are new or differ (the profile counts when its content differs)
 * @param unchanged items already as wanted
 * @param deleted items deleted
 */
record UserTransaction(List<TransactWriteItem> actions, List<Map<String, AttributeValue>> items, int changed,
                       int unchanged, int deleted) {

    /** DynamoDB's limit on the actions of one TransactWriteItems call. */
    static final int MAX_ITEMS = 100;

    static UserTransaction plan(String table, String username, List<Map<String, AttributeValue>> existing,
                                Optional<UserPolicy> next, Instant now) {
        Map<String, Map<String, AttributeValue>> bySortKey = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : existing) {
            bySortKey.put(item.get(UserItems.SK).s(), item);
        }
        ProfileCondition condition = ProfileCondition.on(bySortKey.get(UserItems.PROFILE));
        List<TransactWriteItem> actions = new ArrayList<>();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        int changed = 0;
        int unchanged = 0;
        if (next.isPresent()) {
            for (Map<String, AttributeValue> item : UserItems.items(next.get(), now)) {
                String sk = item.get(UserItems.SK).s();
                Map<String, AttributeValue> old = bySortKey.remove(sk);
                items.add(item);
                boolean same = old != null && withoutTimestamp(old).equals(withoutTimestamp(item));
                if (same) {
                    unchanged++;
                } else {
                    changed++;
                }
                if (sk.equals(UserItems.PROFILE)) {
                    actions.add(TransactWriteItem.builder().put(condition.apply(Put.builder().tableName(table)
                            .item(item))).build());
                } else if (!same) {
                    actions.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build())
                            .build());
                }
            }
            bySortKey.keySet().removeIf(sk -> !sk.startsWith(UserItems.PERM_PREFIX)
                    && !sk.startsWith(UserItems.TOPIC_PREFIX));
        }
        String pk = UserItems.partitionKey(username);
        for (String sk : bySortKey.keySet()) {
            Delete.Builder delete = Delete.builder().tableName(table).key(UserItems.key(pk, sk));
            actions.add(TransactWriteItem.builder()
                    .delete(sk.equals(UserItems.PROFILE) ? condition.apply(delete) : delete.build()).build());
        }
        int deleted = bySortKey.size();
        if (changed == 0 && deleted == 0) {
            actions = List.of();
        }
        if (actions.size() > MAX_ITEMS) {
            throw new AdminException("changing user '" + username + "' needs " + actions.size()
                    + " item writes in one transaction; DynamoDB allows " + MAX_ITEMS
                    + " (split the change, or remove some permissions first)");
        }
        return new UserTransaction(actions, items, changed, unchanged, deleted);
    }

    private static Map<String, AttributeValue> withoutTimestamp(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.remove(UserItems.UPDATED_AT);
        return copy;
    }

    /** "The profile is still the one that was read": absent, or carrying the same {@code updatedAt}. */
    private record ProfileCondition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

        static ProfileCondition on(Map<String, AttributeValue> profile) {
            if (profile == null) {
                return new ProfileCondition("attribute_not_exists(#pk)", Map.of("#pk", UserItems.PK), Map.of());
            }
            AttributeValue updatedAt = profile.get(UserItems.UPDATED_AT);
            if (updatedAt == null) {
                return new ProfileCondition("attribute_not_exists(#u)", Map.of("#u", UserItems.UPDATED_AT), Map.of());
            }
            return new ProfileCondition("#u = :u", Map.of("#u", UserItems.UPDATED_AT), Map.of(":u", updatedAt));
        }

        Put apply(Put.Builder put) {
            put.conditionExpression(expression).expressionAttributeNames(names);
            if (!values.isEmpty()) {
                put.expressionAttributeValues(values);
            }
            return put.build();
        }

        Delete apply(Delete.Builder delete) {
            delete.conditionExpression(expression).expressionAttributeNames(names);
            if (!values.isEmpty()) {
                delete.expressionAttributeValues(values);
            }
            return delete.build();
        }
    }
}
