package dev.warren.admin;

import dev.warren.store.aws.AwsErrors;
import dev.warren.store.aws.DynamoDbPolicyStore;
import dev.warren.store.aws.UserItems;
import dev.warren.definitions.Definitions;
import dev.warren.password.PasswordHash;
import dev.warren.policy.UserPolicy;
import dev.warren.store.SecretPasswordHashStore;
import dev.warren.store.SecretStore;
import dev.warren.store.StoreException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Writes a definitions file's users into the stores: profile, permission and topic items to the
 * table, hashes to the secret store. Re-runnable: each imported user ends up exactly as in the
 * file (items and secrets no longer in it are removed, unchanged ones are not rewritten); users
 * that are not in the file are left alone.
 */
public final class DefinitionsImporter {

    /** What one import did. */
    public record Counts(int users, int permissions, int topicPermissions, int itemsWritten, int itemsUnchanged,
                         int itemsDeleted, int secretsWritten, int secretsUnchanged, int secretsDeleted) {

        @Override
        public String toString() {
            return users + " users, " + permissions + " permissions, " + topicPermissions + " topic permissions; items: "
                    + itemsWritten + " written, " + itemsUnchanged + " unchanged, " + itemsDeleted + " removed; secrets: "
                    + secretsWritten + " written, " + secretsUnchanged + " unchanged, " + secretsDeleted + " removed";
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final SecretStore secrets;
    private final String secretPrefix;
    private final Clock clock;

    public DefinitionsImporter(DynamoDbClient dynamo, String table, SecretStore secrets, String secretPrefix,
                               Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.secrets = secrets;
        this.secretPrefix = secretPrefix;
        this.clock = clock;
    }

    public DefinitionsImporter(DynamoDbClient dynamo, String table, SecretStore secrets, String secretPrefix) {
        this(dynamo, table, secrets, secretPrefix, Clock.systemUTC());
    }

    public Counts importDefinitions(Definitions definitions) {
        Map<String, UserPolicy> policies = definitions.policies();
        int written = 0;
        int unchanged = 0;
        int deleted = 0;
        int secretsWritten = 0;
        int secretsUnchanged = 0;
        int secretsDeleted = 0;
        for (Definitions.User user : definitions.users()) {
            UserPolicy policy = policies.get(user.name());
            Map<String, Map<String, AttributeValue>> existing = new HashMap<>();
            for (Map<String, AttributeValue> item : DynamoDbPolicyStore.partition(dynamo, table, user.name())) {
                existing.put(item.get(UserItems.SK).s(), item);
            }
            List<Map<String, AttributeValue>> items = UserItems.items(policy, clock.instant());
            for (Map<String, AttributeValue> item : items) {
                Map<String, AttributeValue> old = existing.remove(item.get(UserItems.SK).s());
                if (old != null && withoutTimestamp(old).equals(withoutTimestamp(item))) {
                    unchanged++;
                } else {
                    call(() -> dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build()));
                    written++;
                }
            }
            for (String staleKey : existing.keySet()) {
                call(() -> dynamo.deleteItem(DeleteItemRequest.builder().tableName(table)
                        .key(UserItems.key(UserItems.partitionKey(user.name()), staleKey)).build()));
                deleted++;
            }
            String secretName = SecretPasswordHashStore.secretName(secretPrefix, user.name());
            Optional<String> current = secrets.read(secretName);
            if (user.hash().isPresent()) {
                PasswordHash hash = user.hash().get();
                String text = SecretPasswordHashStore.secretString(hash);
                if (current.isPresent() && current.get().equals(text)) {
                    secretsUnchanged++;
                } else {
                    secrets.write(secretName, text);
                    secretsWritten++;
                }
            } else if (current.isPresent()) {
                secrets.delete(secretName);
                secretsDeleted++;
            }
        }
        return new Counts(definitions.users().size(), definitions.permissions().size(),
                definitions.topicPermissions().size(), written, unchanged, deleted, secretsWritten, secretsUnchanged,
                secretsDeleted);
    }

    private static Map<String, AttributeValue> withoutTimestamp(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.remove(UserItems.UPDATED_AT);
        return copy;
    }

    private void call(Runnable write) {
        try {
            write.run();
        } catch (SdkException e) {
            throw new StoreException("DynamoDB table '" + table + "': " + AwsErrors.describe(e), e);
        }
    }
}
