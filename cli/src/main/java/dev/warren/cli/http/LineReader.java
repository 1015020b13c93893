package dev.warren.cli.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads CRLF-terminated lines (a bare LF is accepted as a terminator, RFC 9112 §2.2) with a byte
 * limit per line. A CR not followed by LF is a framing error: it is how requests get smuggled
 * past proxies that read it as a line end.
 */
final class LineReader {

    private final InputStream in;
    private static final int KEPT_BYTES = 8192;

    /**
     * The line being read: grows up to the longest line allowed, and is reused for the next line
     * unless it grew beyond {@value #KEPT_BYTES} bytes (an idle connection keeps no large buffer).
     */
    private byte[] line = new byte[256];

    LineReader(InputStream in) {
        this.in = in;
    }

    InputStream stream() {
        return in;
    }

    /**
     * The next line without its terminator, bytes as ISO-8859-1 characters; null when the stream
     * ends before the line's first byte and {@code eofAllowed}.
     */
    String read(int maxBytes, int tooLongStatus, boolean eofAllowed) throws IOException, HttpFailure {
        int size = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (size == 0 && eofAllowed) {
                    return null;
                }
                throw new HttpFailure(400, "connection closed inside a line");
            }
            if (b == '\r') {
                if (in.read() != '\n') {
                    throw new HttpFailure(400, "bare CR");
                }
                return text(size);
            }
            if (b == '\n') {
                return text(size);
            }
            if (size >= maxBytes) {
                throw new HttpFailure(tooLongStatus, "line longer than " + maxBytes + " bytes");
            }
            if (size == line.length) {
                line = Arrays.copyOf(line, Math.min(maxBytes, size * 2)); // size < maxBytes here
            }
            line[size++] = (byte) b;
        }
    }

    private String text(int size) {
        String text = new String(line, 0, size, StandardCharsets.ISO_8859_1);
        if (line.length > KEPT_BYTES) {
            line = new byte[256];
        }
        return text;
    }
}
