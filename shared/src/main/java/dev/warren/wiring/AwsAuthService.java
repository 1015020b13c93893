package dev.warren.wiring;

import dev.warren.config.WarrenConfig;
import dev.warren.password.PasswordHasher;
import dev.warren.service.AuthService;
import dev.warren.service.AuthServices;
import dev.warren.store.CachingPasswordHashStore;
import dev.warren.store.CachingPolicyStore;
import dev.warren.store.PolicyStore;
import dev.warren.store.SecretPasswordHashStore;
import dev.warren.store.SecretStore;
import dev.warren.store.aws.AwsClients;
import dev.warren.store.aws.DynamoDbPolicyStore;
import dev.warren.store.aws.SecretsManagerSecretStore;

/**
 * Assembles the decision service over the real stores: DynamoDB policies and Secrets Manager
 * hashes, each behind its cache, plus the login defences (verification pool, credential and refusal
 * caches, throttle). Clients are built once.
 */
public final class AwsAuthService {

    private AwsAuthService() {
    }

    /** The service over DynamoDB and Secrets Manager as {@code config} names them. */
    public static AuthService fromConfig(WarrenConfig config) {
        return over(new DynamoDbPolicyStore(AwsClients.dynamoDb(config), config.table()),
                new SecretsManagerSecretStore(AwsClients.secretsManager(config)), config);
    }

    /**
     * The service over any policy store and secret store, with the caches {@code config} sets:
     * the embedded server passes DynamoDB Local and an in-process secret store here.
     */
    public static AuthService over(PolicyStore policies, SecretStore secrets, WarrenConfig config) {
        return AuthServices.over(
                CachingPolicyStore.over(policies, config),
                CachingPasswordHashStore.over(new SecretPasswordHashStore(secrets, config.secretPrefix()), config),
                new PasswordHasher(),
                AuthServices.defences(config));
    }
}
