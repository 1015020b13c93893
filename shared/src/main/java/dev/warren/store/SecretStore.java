package dev.warren.store;

import java.util.Optional;

/**
 * Where password-hash secrets live: AWS Secrets Manager, or an in-process map for the embedded
 * server and tests. Values are the secret's text (JSON); they are never logged.
 */
public interface SecretStore {

    /**
     * @param id a secret name or ARN
     * @return the secret's text, or empty when there is no such secret
     * @throws StoreException when the store cannot answer
     */
    Optional<String> read(String id);

    /** Creates the secret or replaces its value. */
    void write(String name, String secretString);

    /** Deletes the secret at once (no recovery window); no-op when it does not exist. */
    void delete(String name);
}
