package dev.warren.cli.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads CRLF-terminated lines (a bare LF is accepted as a terminator, RFC 9112 §2.2) with a byte
 * limit per line. A CR not followed by LF is a framing error: it is how requests get smuggled
 * past proxies that read it as a line end.
 */
final class LineReader {

    private final InputStream in;

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
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0 && eofAllowed) {
                    return null;
                }
                throw new HttpFailure(400, "connection closed inside a line");
            }
            if (b == '\r') {
                if (in.read() != '\n') {
                    throw new HttpFailure(400, "bare CR");
                }
                return line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= maxBytes) {
                throw new HttpFailure(tooLongStatus, "line longer than " + maxBytes + " bytes");
            }
            line.write(b);
        }
    }
}
