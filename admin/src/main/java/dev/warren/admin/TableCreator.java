package dev.warren.admin;

import dev.warren.store.StoreException;
import dev.warren.store.aws.AwsErrors;
import dev.warren.store.aws.ThrottleItems;
import dev.warren.store.aws.UserItems;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/** Creates warren's table for the admin commands and the embedded server (deployments get it from template.yaml). */
public final class TableCreator {

    private TableCreator() {
    }

    /** The table as template.yaml declares it: {@code pk} (S, hash), {@code sk} (S, range), on-demand. */
    public static CreateTableRequest createTableRequest(String table) {
        return CreateTableRequest.builder()
                .tableName(table)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(UserItems.PK).attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(UserItems.SK).attributeType(ScalarAttributeType.S).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName(UserItems.PK).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(UserItems.SK).keyType(KeyType.RANGE).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    /**
     * Creates the table unless it exists, then waits until it is active; a table this call created
     * gets template.yaml's time-to-live on {@link ThrottleItems#EXPIRES_AT}, so the shared login
     * throttle's counters are deleted after their window.
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
                throw new StoreException(AwsErrors.table(table) + " did not become ACTIVE within 60 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while waiting for " + AwsErrors.table(table));
            }
        }
        if (created) {
            dynamo.updateTimeToLive(UpdateTimeToLiveRequest.builder().tableName(table)
                    .timeToLiveSpecification(TimeToLiveSpecification.builder()
                            .attributeName(ThrottleItems.EXPIRES_AT).enabled(true).build())
                    .build());
        }
        return created;
    }
}
