package dev.warren.bench.coldstart;

import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * The floor of any function that answers a login from DynamoDB and Secrets Manager: build the two
 * SDK clients with the url-connection HTTP client, then one Query and one GetSecretValue. Prints
 * {@code RESULT <init µs> <first request µs> 200 <items>}.
 *
 * <p>Arguments: table, partition key value, secret id.
 */
public final class FloorProbe {

    private FloorProbe() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        SecretsManagerClient secrets = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        long constructed = System.nanoTime();
        int items = dynamo.query(QueryRequest.builder().tableName(args[0])
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(args[1])))
                .build()).count();
        int secret = secrets.getSecretValue(GetSecretValueRequest.builder().secretId(args[2]).build())
                .secretString().length();
        long answered = System.nanoTime();
        System.out.println("RESULT " + (constructed - started) / 1000 + " " + (answered - constructed) / 1000
                + " 200 items=" + items + ",secret=" + (secret > 0));
        System.out.flush();
    }
}
