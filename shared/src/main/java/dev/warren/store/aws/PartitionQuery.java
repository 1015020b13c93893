package dev.warren.store.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The one read of the decision path: every item of one user's partition, by one paginated Query. */
public final class PartitionQuery {

    private PartitionQuery() {
    }

    /**
     * Every item of one user's partition: one Query, paginated.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException as the client throws it; callers
     *     turn it into their own message
     */
    public static List<Map<String, AttributeValue>> items(DynamoDbClient dynamo, String table, String username,
                                                         boolean consistentRead) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder()
                    .tableName(table)
                    .consistentRead(consistentRead)
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
        return items;
    }
}
