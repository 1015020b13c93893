package dev.warren.store.aws;

import dev.warren.policy.UserPolicy;
import dev.warren.store.PolicyStore;
import dev.warren.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
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

    /** Every item of one user's partition. */
    static List<Map<String, AttributeValue>> partition(DynamoDbClient dynamo, String table, String username) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        try {
            do {
                QueryRequest.Builder query = QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", UserItems.PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(UserItems.partitionKey(username))));
                if (start != null) {
                    query.exclusiveStartKey(start);
                }
                QueryResponse response = dynamo.query(query.build());
                items.addAll(response.items());
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (ResourceNotFoundException e) {
            throw new StoreException("DynamoDB table '" + table + "' does not exist", e);
        } catch (SdkException e) {
            throw new StoreException("DynamoDB table '" + table + "': " + AwsErrors.describe(e), e);
        }
        return items;
    }
}
