package dev.warren.definitions;

/** A definitions file that cannot be used; the message names the offending entry. */
public class DefinitionsException extends Exception {

    public DefinitionsException(String message) {
        super(message);
    }

    public DefinitionsException(String message, Throwable cause) {
        super(message, cause);
    }
}
