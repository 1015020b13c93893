package dev.warren.store.aws;

import dev.warren.policy.UserPolicy;
import dev.warren.store.PolicyStore;
import dev.warren.store.StoreException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Users' policies from the DynamoDB table: one Query on the user's partition (paginated if large). */
public final class DynamoDbPolicyStore implements PolicyStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbPolicyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<UserPolicy> findUser(String username) {
        return UserItems.toPolicy(username, partition(dynamo, table, username));
    }

    /** Every item of one user's partition (eventually consistent: the cache tolerates a second). */
    public static List<Map<String, AttributeValue>> partition(DynamoDbClient dynamo, String table, String username) {
        try {
            return UserItems.queryPartition(dynamo, table, username, false);
        } catch (ResourceNotFoundException e) {
            throw new StoreException("DynamoDB table '" + table + "' does not exist", e);
        } catch (SdkException e) {
            throw new StoreException("DynamoDB table '" + table + "': " + AwsErrors.describe(e), e);
        }
    }
}
