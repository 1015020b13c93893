package dev.warren.wiring;

import dev.warren.config.ThrottleScope;
import dev.warren.config.WarrenConfig;
import dev.warren.password.PasswordHasher;
import dev.warren.service.AuthService;
import dev.warren.service.AuthServices;
import dev.warren.service.LoginThrottle;
import dev.warren.store.CachingPasswordHashStore;
import dev.warren.store.CachingPolicyStore;
import dev.warren.store.PolicyStore;
import dev.warren.store.SecretPasswordHashStore;
import dev.warren.store.SecretStore;
import dev.warren.store.aws.AwsClients;
import dev.warren.store.aws.DynamoDbLoginThrottle;
import dev.warren.store.aws.DynamoDbPolicyStore;
import dev.warren.store.aws.SecretsManagerSecretStore;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Assembles the decision service over the real stores: DynamoDB policies and Secrets Manager
 * hashes, each behind its cache, plus the login defences (verification pool, credential and refusal
 * caches, throttle per instance or shared through the table). Clients are built once.
 */
public final class AwsAuthService {

    private AwsAuthService() {
    }

    /** The service over DynamoDB and Secrets Manager as {@code config} names them. */
    public static AuthService fromConfig(WarrenConfig config) {
        return over(AwsClients.dynamoDb(config), new SecretsManagerSecretStore(AwsClients.secretsManager(config)),
                config);
    }

    /**
     * The service over {@code config}'s table through {@code dynamo} (policies, and the shared login
     * throttle's counters when {@link ThrottleScope#SHARED}) and any secret store, with the caches
     * {@code config} sets: the embedded server passes DynamoDB Local and an in-process secret store here.
     */
    public static AuthService over(DynamoDbClient dynamo, SecretStore secrets, WarrenConfig config) {
        PolicyStore policies = new DynamoDbPolicyStore(dynamo, config.table());
        return AuthServices.over(
                CachingPolicyStore.over(policies, config),
                CachingPasswordHashStore.over(new SecretPasswordHashStore(secrets, config.secretPrefix()), config),
                new PasswordHasher(),
                AuthServices.defences(config, throttle(dynamo, config)));
    }

    /** The login throttle {@code config} sets: none, per instance, or shared through the table. */
    public static LoginThrottle throttle(DynamoDbClient dynamo, WarrenConfig config) {
        LoginThrottle local = AuthServices.instanceThrottle(config);
        return config.login().throttleScope() == ThrottleScope.SHARED // implies a failure limit (LoginSettings)
                ? new DynamoDbLoginThrottle(dynamo, config, local, Clock.systemUTC())
                : local;
    }
}
