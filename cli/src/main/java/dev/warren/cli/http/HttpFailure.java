package dev.warren.cli.http;

/**
 * A request the server refuses before any decision: it is answered with {@code status} (400, 408,
 * 413, 414 or 431, never a 5xx) and the connection is closed, because what follows on the wire
 * can no longer be framed.
 */
final class HttpFailure extends Exception {

    final int status;

    HttpFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
