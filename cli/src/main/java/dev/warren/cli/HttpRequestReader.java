package dev.warren.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads HTTP/1.1 requests from one connection, keeping the request target exactly as sent
 * (bytes as ISO-8859-1 characters): no URI parsing, so an invalid percent-escape or a {@code //}
 * reaches the decision code, which answers {@code deny} or 404 as the spec says. Handles
 * Content-Length and chunked bodies, {@code Expect: 100-continue}, and keep-alive.
 */
final class HttpRequestReader {

    static final int MAX_LINE_BYTES = 16 * 1024;
    static final int MAX_HEADER_BYTES = 64 * 1024;

    /** A request the server cannot frame; answered with {@code status} and the connection closed. */
    static final class BadRequest extends Exception {
        final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** One request: method and target as sent, headers in order, body (empty when none). */
    record RawRequest(String method, String target, String version, List<String[]> headers, byte[] body) {

        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        boolean keepAlive() {
            String connection = header("Connection");
            String c = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
            if (version.equals("HTTP/1.0")) {
                return c.contains("keep-alive");
            }
            return !c.contains("close");
        }
    }

    private final InputStream in;
    private final OutputStream out;
    private final int maxBody;

    HttpRequestReader(InputStream in, OutputStream out, int maxBody) {
        this.in = in;
        this.out = out;
        this.maxBody = maxBody;
    }

    /** The next request, or null when the client closed the connection between requests. */
    RawRequest next() throws IOException, BadRequest {
        String requestLine = readLine(true);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(true); // tolerate stray CRLF between requests (RFC 9112 §2.2)
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequest(400, "malformed request line");
        }
        List<String[]> headers = readHeaders();
        RawRequest head = new RawRequest(parts[0], parts[1], parts[2], headers, new byte[0]);
        return new RawRequest(parts[0], parts[1], parts[2], headers, readBody(head));
    }

    private List<String[]> readHeaders() throws IOException, BadRequest {
        List<String[]> headers = new ArrayList<>();
        int total = 0;
        while (true) {
            String line = readLine(false);
            if (line == null) {
                throw new BadRequest(400, "connection closed inside headers");
            }
            if (line.isEmpty()) {
                return headers;
            }
            total += line.length();
            if (total > MAX_HEADER_BYTES) {
                throw new BadRequest(431, "headers too large");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t'
                    || line.substring(0, colon).strip().length() != colon) {
                throw new BadRequest(400, "malformed header");
            }
            headers.add(new String[] {line.substring(0, colon), line.substring(colon + 1).strip()});
        }
    }

    private byte[] readBody(RawRequest head) throws IOException, BadRequest {
        String transferEncoding = head.header("Transfer-Encoding");
        List<String> lengths = new ArrayList<>();
        for (String[] h : head.headers()) {
            if (h[0].equalsIgnoreCase("Content-Length")) {
                lengths.add(h[1]);
            }
        }
        if (transferEncoding != null) {
            if (!lengths.isEmpty() || !transferEncoding.strip().toLowerCase(Locale.ROOT).endsWith("chunked")) {
                throw new BadRequest(400, "unsupported transfer encoding");
            }
            continueIfExpected(head);
            return readChunked();
        }
        if (lengths.isEmpty()) {
            return new byte[0];
        }
        long length = contentLength(lengths);
        if (length > maxBody) {
            throw new BadRequest(413, "body too large");
        }
        continueIfExpected(head);
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new BadRequest(400, "connection closed inside body");
        }
        return body;
    }

    private static long contentLength(List<String> values) throws BadRequest {
        long length = -1;
        for (String value : values) {
            for (String item : value.split(",", -1)) {
                String v = item.strip();
                if (v.isEmpty() || v.length() > 12 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new BadRequest(400, "invalid Content-Length");
                }
                long parsed = Long.parseLong(v);
                if (length >= 0 && parsed != length) {
                    throw new BadRequest(400, "conflicting Content-Length");
                }
                length = parsed;
            }
        }
        return length;
    }

    private void continueIfExpected(RawRequest head) throws IOException {
        String expect = head.header("Expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private byte[] readChunked() throws IOException, BadRequest {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(false);
            if (sizeLine == null) {
                throw new BadRequest(400, "connection closed inside chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
            if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new BadRequest(400, "invalid chunk size");
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                readHeaders(); // trailers, ignored
                return body.toByteArray();
            }
            if (body.size() + size > maxBody) {
                throw new BadRequest(413, "body too large");
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length != size) {
                throw new BadRequest(400, "connection closed inside chunk");
            }
            body.write(chunk);
            String end = readLine(false);
            if (end == null || !end.isEmpty()) {
                throw new BadRequest(400, "chunk not followed by CRLF");
            }
        }
    }

    /** A line without its CRLF (or bare LF), bytes as ISO-8859-1 chars; null at end of stream. */
    private String readLine(boolean eofAllowed) throws IOException, BadRequest {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0 && eofAllowed) {
                    return null;
                }
                throw new BadRequest(400, "connection closed inside a line");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new BadRequest(414, "line too long");
            }
            line.write(b);
        }
    }
}
