package dev.warren.config;

/** A setting is missing or out of range: start-up stops with this message. */
public class ConfigException extends IllegalArgumentException {

    public ConfigException(String message) {
        super(message);
    }
}
