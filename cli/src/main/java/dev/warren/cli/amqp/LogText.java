package dev.warren.cli.amqp;

/** Bounds what a question puts into a log line: user-supplied values are cut, never printed whole. */
final class LogText {

    static final int MAX_CHARS = 128;

    private LogText() {
    }

    /** The value, or its first {@link #MAX_CHARS} characters and how long it was; null stays null. */
    static String truncate(String value) {
        if (value == null || value.length() <= MAX_CHARS) {
            return value;
        }
        return value.substring(0, MAX_CHARS) + "...(" + value.length() + " chars)";
    }
}
