package dev.warren.cli.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A connection's input, buffered for one reader: the connection's own thread is its only reader,
 * so unlike {@link java.io.BufferedInputStream} it takes no lock per byte (the head is read a byte
 * at a time). Reads through to the source (the connection's {@link DeadlineInputStream}) only when
 * the buffer is empty.
 */
final class RequestInput extends InputStream {

    private static final int BUFFER_BYTES = 8192;

    private final InputStream source;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;

    RequestInput(InputStream source) {
        this.source = source;
    }

    /** Waits until at least one byte can be read without consuming it; false at end of stream. */
    boolean awaitByte() throws IOException {
        return position < limit || fill();
    }

    @Override
    public int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == limit) {
            if (length >= BUFFER_BYTES) {
                return source.read(into, offset, length); // large bodies skip the copy
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(buffer, position, into, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return limit - position;
    }

    private boolean fill() throws IOException {
        int n = source.read(buffer, 0, BUFFER_BYTES);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
