package dev.warren.store.aws;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local, the real engine, in this process with an in-memory database for one test class
 * ({@code @RegisterExtension static final}), and table names that no other test of the class
 * uses. sqlite4java finds its native libraries through {@code sqlite4java.library.path}, which the
 * build sets or the test class sets before this starts.
 */
public final class LocalDynamoDb implements BeforeAllCallback, AfterAllCallback {

    private final String tablePrefix;
    private final AtomicInteger tables = new AtomicInteger();
    private AmazonDynamoDBLocal local;
    private DynamoDbClient client;

    /** Table names start with {@code test-}. */
    public LocalDynamoDb() {
        this("test-");
    }

    /** @param tablePrefix the start of every name {@link #newTableName()} gives */
    public LocalDynamoDb(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        local = DynamoDBEmbedded.create(true);
        client = local.dynamoDbClient();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        local.shutdown();
    }

    public DynamoDbClient client() {
        return client;
    }

    /** A table name not given before in this class; the table itself is not created. */
    public String newTableName() {
        return tablePrefix + tables.incrementAndGet();
    }
}
