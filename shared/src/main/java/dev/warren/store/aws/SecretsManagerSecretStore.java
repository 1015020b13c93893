package dev.warren.store.aws;

import dev.warren.store.SecretStore;
import dev.warren.store.StoreException;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** Secrets in AWS Secrets Manager. A secret that does not exist reads as empty (user has no password). */
public final class SecretsManagerSecretStore implements SecretStore {

    private final SecretsManagerClient client;

    public SecretsManagerSecretStore(SecretsManagerClient client) {
        this.client = client;
    }

    @Override
    public Optional<String> read(String id) {
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(GetSecretValueRequest.builder().secretId(id).build());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new StoreException("Secrets Manager secret '" + id + "': " + AwsErrors.describe(e), e);
        }
        if (response.secretString() == null) {
            throw new StoreException("Secrets Manager secret '" + id + "' has no SecretString");
        }
        return Optional.of(response.secretString());
    }

    @Override
    public void write(String name, String secretString) {
        try {
            try {
                client.putSecretValue(PutSecretValueRequest.builder().secretId(name).secretString(secretString).build());
            } catch (ResourceNotFoundException e) {
                client.createSecret(CreateSecretRequest.builder().name(name).secretString(secretString)
                        .description("warren password hash").build());
            }
        } catch (SdkException e) {
            throw new StoreException("Secrets Manager secret '" + name + "': " + AwsErrors.describe(e), e);
        }
    }

    @Override
    public void delete(String name) {
        try {
            client.deleteSecret(DeleteSecretRequest.builder().secretId(name).forceDeleteWithoutRecovery(true).build());
        } catch (ResourceNotFoundException e) {
            // already gone
        } catch (SdkException e) {
            throw new StoreException("Secrets Manager secret '" + name + "': " + AwsErrors.describe(e), e);
        }
    }
}
