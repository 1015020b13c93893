package dev.warren.policy;

import java.nio.charset.StandardCharsets;

/**
 * A user-supplied value as it may appear in a log line or a reason: at most {@link #MAX_CHARS}
 * characters, followed by the original length when it was cut. A decision log line therefore stays
 * small whatever the request carried.
 */
public final class Excerpt {

    /** Long enough for any AMQP short string (at most 255 bytes) to appear whole. */
    public static final int MAX_CHARS = 256;
    /** Bound on a whole reason text, which may quote several values. */
    public static final int MAX_REASON_CHARS = 2_048;

    private Excerpt() {
    }

    /** The value itself when short, else its first {@link #MAX_CHARS} characters and its length. */
    public static String of(String value) {
        return of(value, MAX_CHARS);
    }

    /** The value itself when at most {@code max} characters, else a prefix and the value's length in bytes. */
    public static String of(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int cut = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, cut) + "...[" + value.getBytes(StandardCharsets.UTF_8).length + " bytes in all]";
    }

    /** The value in single quotes, cut as {@link #of(String)} does. */
    public static String quoted(String value) {
        return "'" + of(value) + "'";
    }
}
