package dev.warren.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warren.password.PasswordHash;
import dev.warren.policy.UserPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Password hashes kept as secrets: by default one secret per user named {@code <prefix><name>}
 * (see {@link #secretName}), holding {@code {"algorithm": "...", "hash": "..."}}. A profile's
 * {@code secretId} names another secret (name or ARN), optionally {@code <id>#<jsonKey>} where
 * that key of a shared secret holds the user's object. A missing secret means the user has no
 * password; a malformed one is a {@link StoreException} (deny, with the reason).
 */
public final class SecretPasswordHashStore implements PasswordHashStore {

    public static final String ALGORITHM_FIELD = "algorithm";
    public static final String HASH_FIELD = "hash";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/_+.@-";

    private final SecretStore secrets;
    private final String prefix;

    public SecretPasswordHashStore(SecretStore secrets, String prefix) {
        this.secrets = secrets;
        this.prefix = prefix;
    }

    /**
     * The default secret name of a user: the prefix, then the name with every character that
     * Secrets Manager does not allow in names (and {@code =} itself) written as {@code =XX} per
     * UTF-8 byte. {@code app} → {@code warren/users/app}; {@code josé} → {@code warren/users/jos=C3=A9}.
     */
    public static String secretName(String prefix, String username) {
        StringBuilder out = new StringBuilder(prefix);
        for (byte b : username.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && NAME_CHARS.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('=').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** The secret text for one hash: {@code {"algorithm": "...", "hash": "..."}}. */
    public static String secretString(PasswordHash hash) {
        ObjectNode node = JSON.createObjectNode();
        node.put(ALGORITHM_FIELD, hash.algorithm().definitionsName());
        node.put(HASH_FIELD, hash.encoded());
        return node.toString();
    }

    @Override
    public Optional<PasswordHash> findHash(UserPolicy user) {
        String reference = user.secretId().orElseGet(() -> secretName(prefix, user.username()));
        int hashMark = reference.lastIndexOf('#');
        String id = hashMark < 0 ? reference : reference.substring(0, hashMark);
        Optional<String> jsonKey = hashMark < 0 ? Optional.empty() : Optional.of(reference.substring(hashMark + 1));
        Optional<String> text = secrets.read(id);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse(id, jsonKey, text.get()));
    }

    /** Reads a secret's text; the messages name the secret and the problem, never the content. */
    static PasswordHash parse(String id, Optional<String> jsonKey, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new StoreException("secret '" + id + "' is not valid JSON");
        }
        JsonNode node = root;
        String where = "secret '" + id + "'";
        if (jsonKey.isPresent()) {
            where = where + " key '" + jsonKey.get() + "'";
            node = root == null ? null : root.get(jsonKey.get());
            if (node == null || node.isNull()) {
                throw new StoreException(where + " does not exist");
            }
        }
        if (node == null || !node.isObject()) {
            throw new StoreException(where + " is not a JSON object");
        }
        JsonNode algorithm = node.get(ALGORITHM_FIELD);
        JsonNode hash = node.get(HASH_FIELD);
        if (algorithm != null && !algorithm.isNull() && !algorithm.isTextual()) {
            throw new StoreException(where + ": '" + ALGORITHM_FIELD + "' must be a string");
        }
        if (hash == null || !hash.isTextual()) {
            throw new StoreException(where + ": missing '" + HASH_FIELD + "' string");
        }
        try {
            return PasswordHash.of(algorithm == null || algorithm.isNull() ? null : algorithm.asText(), hash.asText());
        } catch (IllegalArgumentException e) {
            throw new StoreException(where + ": " + e.getMessage());
        }
    }
}
