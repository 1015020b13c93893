package dev.warren.admin;

import dev.warren.definitions.Definitions;
import dev.warren.policy.UserPolicy;
import dev.warren.store.SecretPasswordHashStore;
import dev.warren.store.SecretStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Writes a definitions file's users into the stores: each user's items through the same
 * transactional {@link UserWriter} as the admin verbs, then its hash to the secret store.
 * Re-runnable: each imported user ends up exactly as in the file (items and secrets no longer in it
 * are removed, unchanged ones are not rewritten); users that are not in the file are left alone.
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

    private final UserWriter writer;
    private final SecretStore secrets;
    private final String secretPrefix;

    public DefinitionsImporter(DynamoDbClient dynamo, String table, SecretStore secrets, String secretPrefix,
                               Clock clock) {
        this.writer = new UserWriter(new UserTable(dynamo, table), clock);
        this.secrets = secrets;
        this.secretPrefix = secretPrefix;
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
            UserWriter.Written items = writer.write(user.name(), before -> Optional.of(policy));
            written += items.changed();
            unchanged += items.unchanged();
            deleted += items.deleted();
            String secretName = SecretPasswordHashStore.secretName(secretPrefix, user.name());
            Optional<String> current = secrets.read(secretName);
            Optional<String> wanted = user.hash().map(SecretPasswordHashStore::secretString);
            if (wanted.isPresent()) {
                if (wanted.equals(current)) {
                    secretsUnchanged++;
                } else {
                    secrets.write(secretName, wanted.get());
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
}
