package dev.warren.store;

/** A store could not answer (network, throttling, missing table, corrupt item). Always means deny. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
