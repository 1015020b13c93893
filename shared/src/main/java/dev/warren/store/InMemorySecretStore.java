package dev.warren.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets in a map: the embedded server's stand-in for Secrets Manager, behind the same interface. */
public final class InMemorySecretStore implements SecretStore {

    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    @Override
    public Optional<String> read(String id) {
        return Optional.ofNullable(secrets.get(id));
    }

    @Override
    public void write(String name, String secretString) {
        secrets.put(name, secretString);
    }

    @Override
    public void delete(String name) {
        secrets.remove(name);
    }
}
