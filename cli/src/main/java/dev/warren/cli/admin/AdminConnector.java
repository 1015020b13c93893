package dev.warren.cli.admin;

import dev.warren.config.WarrenConfig;
import dev.warren.password.PasswordHasher;
import dev.warren.store.aws.AwsClients;
import dev.warren.store.aws.SecretsManagerSecretStore;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Opens the stores an admin command works on; tests substitute in-process engines. */
@FunctionalInterface
public interface AdminConnector {

    AdminStores open(WarrenConfig config);

    /**
     * DynamoDB and Secrets Manager from the standard AWS chain (region, credentials,
     * {@code AWS_ENDPOINT_URL*}). Admin calls are not on the broker's clock: unless
     * {@code WARREN_AWS_TIMEOUT_MILLIS} is set they get 20 s per call, 5 s per attempt, 3 attempts.
     */
    AdminConnector AWS = config -> {
        WarrenConfig admin = withAdminTimeouts(config);
        DynamoDbClient dynamo = AwsClients.dynamoDb(admin);
        SecretsManagerClient secrets;
        try {
            secrets = AwsClients.secretsManager(admin);
        } catch (RuntimeException e) {
            dynamo.close();
            throw e;
        }
        return new AdminStores(admin, dynamo, new SecretsManagerSecretStore(secrets), new PasswordHasher(), () -> {
            dynamo.close();
            secrets.close();
        });
    };

    /** Admin limits (20 s per call, 5 s per attempt, 3 attempts) unless WARREN_AWS_TIMEOUT_MILLIS is set. */
    static WarrenConfig withAdminTimeouts(WarrenConfig config) {
        return System.getenv(WarrenConfig.AWS_TIMEOUT) == null
                ? config.withAwsTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(5), 3)
                : config;
    }
}
