package dev.warren.cli.admin;

import dev.warren.admin.DefinitionsImporter;
import dev.warren.admin.TableCreator;
import dev.warren.admin.UserAdmin;
import dev.warren.config.WarrenConfig;
import dev.warren.password.PasswordHasher;
import dev.warren.service.AuthService;
import dev.warren.store.SecretStore;
import dev.warren.wiring.AwsAuthService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The stores one admin command works on: the DynamoDB table and the secret store named by the
 * command's options, plus the hasher for new passwords. {@link #authService()} is the very
 * decision service the functions run (same store, cache and policy code), so {@code explain} and
 * {@code authenticate_user} cannot disagree with them.
 */
public final class AdminStores implements AutoCloseable {

    private final WarrenConfig config;
    private final DynamoDbClient dynamo;
    private final SecretStore secrets;
    private final PasswordHasher hasher;
    private final Runnable onClose;

    public AdminStores(WarrenConfig config, DynamoDbClient dynamo, SecretStore secrets, PasswordHasher hasher,
                       Runnable onClose) {
        this.config = config;
        this.dynamo = dynamo;
        this.secrets = secrets;
        this.hasher = hasher;
        this.onClose = onClose;
    }

    public WarrenConfig config() {
        return config;
    }

    public UserAdmin admin() {
        return new UserAdmin(dynamo, config.table(), secrets, config.secretPrefix());
    }

    public DefinitionsImporter importer() {
        return new DefinitionsImporter(dynamo, config.table(), secrets, config.secretPrefix());
    }

    public AuthService authService() {
        return AwsAuthService.over(dynamo, secrets, config);
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    /** @return true when the table was created */
    public boolean createTableIfMissing() {
        return TableCreator.createTableIfMissing(dynamo, config.table());
    }

    @Override
    public void close() {
        onClose.run();
    }
}
