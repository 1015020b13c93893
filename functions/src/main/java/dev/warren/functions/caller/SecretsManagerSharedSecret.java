package dev.warren.functions.caller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warren.store.SecretStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Basic caller secret from Secrets Manager: JSON {@code {"username": "...", "password": "..."}}
 * (what the template generates). Read on first use, not at init (so it is not in a SnapStart
 * snapshot), kept as a digest for {@code ttl}, and while a re-read fails the last good digest
 * stays in use; with none, callers are refused. The value is never logged.
 */
public final class SecretsManagerSharedSecret implements BasicAuthCallers.SharedSecret {

    private static final Logger LOG = LoggerFactory.getLogger(SecretsManagerSharedSecret.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretStore store;
    private final String secretId;
    private final Duration ttl;
    private final Clock clock;
    private byte[] digest;
    private Instant readAt = Instant.MIN;

    public SecretsManagerSharedSecret(SecretStore store, String secretId, Duration ttl, Clock clock) {
        this.store = store;
        this.secretId = secretId;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public synchronized Optional<byte[]> digest() {
        Instant now = clock.instant();
        if (digest == null || !now.isBefore(readAt.plus(ttl))) {
            try {
                digest = Digests.sha256(userColonPassword(store.read(secretId)
                        .orElseThrow(() -> new IllegalStateException("no such secret"))));
                readAt = now;
            } catch (RuntimeException | IOException e) {
                LOG.warn("caller secret {} cannot be read ({}): {}", secretId, e.getClass().getSimpleName(),
                        digest == null ? "refusing every caller" : "keeping the last good value");
            }
        }
        return digest == null ? Optional.empty() : Optional.of(digest.clone());
    }

    static String userColonPassword(String secretJson) throws IOException {
        JsonNode node = JSON.readTree(secretJson);
        String user = node == null ? null : node.path("username").asText(null);
        String password = node == null ? null : node.path("password").asText(null);
        if (user == null || user.isEmpty() || user.indexOf(':') >= 0 || password == null || password.isEmpty()) {
            throw new IllegalStateException("secret is not {\"username\": non-empty without ':', \"password\": non-empty}");
        }
        return user + ":" + password;
    }
}
