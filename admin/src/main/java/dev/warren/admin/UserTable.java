package dev.warren.admin;

import dev.warren.policy.UserPolicy;
import dev.warren.store.StoreException;
import dev.warren.store.aws.AwsErrors;
import dev.warren.store.aws.PartitionQuery;
import dev.warren.store.aws.UserItemReader;
import dev.warren.store.aws.UserItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The admin side's reads of the table, all strongly consistent (a change must see the previous
 * one): one user's items, and every user (a scan: an admin operation, never on the decision path).
 */
final class UserTable {

    private static final String HOW_TO_CREATE = " (create it with `warren add_user --create-table ...`,"
            + " `warren import_definitions FILE`, or deploy template.yaml)";

    private final DynamoDbClient dynamo;
    private final String name;

    UserTable(DynamoDbClient dynamo, String name) {
        this.dynamo = dynamo;
        this.name = name;
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }

    String name() {
        return name;
    }

    /** Every item of the user's partition. */
    List<Map<String, AttributeValue>> partition(String username) {
        try {
            return PartitionQuery.items(dynamo, name, username, true);
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    Optional<UserPolicy> findUser(String username) {
        return UserItemReader.toPolicy(username, partition(username));
    }

    /** Every user in the table, by name. Partitions without a profile item are not users and are skipped. */
    List<UserPolicy> users() {
        Map<String, List<Map<String, AttributeValue>>> partitions = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        try {
            do {
                ScanRequest.Builder scan = ScanRequest.builder().tableName(name).consistentRead(true);
                if (start != null) {
                    scan.exclusiveStartKey(start);
                }
                ScanResponse response = dynamo.scan(scan.build());
                for (Map<String, AttributeValue> item : response.items()) {
                    AttributeValue pk = item.get(UserItems.PK);
                    if (pk != null && pk.s() != null && pk.s().startsWith(UserItems.USER_PREFIX)) {
                        partitions.computeIfAbsent(pk.s().substring(UserItems.USER_PREFIX.length()),
                                k -> new ArrayList<>()).add(item);
                    }
                }
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (SdkException e) {
            throw failure(e);
        }
        List<UserPolicy> users = new ArrayList<>();
        partitions.forEach((user, items) -> UserItemReader.toPolicy(user, items).ifPresent(users::add));
        return users;
    }

    /** A failed call, worded once for every admin command (a missing table says how to create it). */
    StoreException failure(SdkException e) {
        return AwsErrors.tableFailure(name, e, HOW_TO_CREATE);
    }
}
