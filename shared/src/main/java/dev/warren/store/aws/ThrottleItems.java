package dev.warren.store.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The shared login throttle's counter items in the users table: partition
 * {@code THROTTLE#<base64url(SHA-256(username))>}, sort key {@code FAILURES}. The digest keeps the item
 * small whatever the name and the plaintext name out of the key; the prefix never clashes with
 * {@link UserItems#USER_PREFIX} partitions, so readers of users never see a counter.
 */
public final class ThrottleItems {

    public static final String PARTITION_PREFIX = "THROTTLE#";
    public static final String SORT_KEY = "FAILURES";
    /** Failed logins counted in the current window (N). */
    public static final String FAILURES = "failures";
    /** When the current window ends, epoch milliseconds (N): a counter is current until then. */
    public static final String WINDOW_END = "windowEnd";
    /** The table's TTL attribute, epoch seconds (N): DynamoDB deletes the item some time after it. */
    public static final String EXPIRES_AT = "expiresAt";

    private ThrottleItems() {
    }

    /** The digest that names one username's counter (43 characters). */
    public static String nameDigest(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The primary key of the counter named by {@code digest}. */
    public static Map<String, AttributeValue> key(String digest) {
        return UserItems.key(PARTITION_PREFIX + digest, SORT_KEY);
    }
}
