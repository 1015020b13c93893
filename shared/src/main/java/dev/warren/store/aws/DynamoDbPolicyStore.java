package dev.warren.store.aws;

import dev.warren.policy.UserPolicy;
import dev.warren.store.PolicyStore;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Users' policies from the DynamoDB table: one Query on the user's partition (paginated if large),
 * eventually consistent (the cache tolerates a second).
 */
public final class DynamoDbPolicyStore implements PolicyStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbPolicyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<UserPolicy> findUser(String username) {
        try {
            return UserItemReader.toPolicy(username, PartitionQuery.items(dynamo, table, username, false));
        } catch (SdkException e) {
            throw AwsErrors.tableFailure(table, e, "");
        }
    }
}
