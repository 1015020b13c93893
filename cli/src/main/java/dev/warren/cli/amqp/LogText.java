package dev.warren.cli.amqp;

/** Bounds what a question puts into a log line: user-supplied values are cut, never printed whole. */
final class LogText {

    static final int MAX_CHARS = 128;
    /** Reasons quote names and values; they get more room, still bounded. */
    static final int MAX_REASON_CHARS = 512;

    private LogText() {
    }

    /** The value, or its first {@link #MAX_CHARS} characters and how long it was; null stays null. */
    static String truncate(String value) {
        return truncate(value, MAX_CHARS);
    }

    static String truncate(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max) + "...(" + value.length() + " chars)";
    }
}
