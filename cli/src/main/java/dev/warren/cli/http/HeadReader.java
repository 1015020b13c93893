package dev.warren.cli.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one request head (request line and header lines) within {@link HttpLimits}, strictly:
 * a method that is not a token, a target or version with control characters, a header name that
 * is not a token (NUL, spaces, a space before the colon), a control character in a value, folded
 * lines: 400. Too many or too large headers: 431. An overlong request line: 414. HTTP/1.1
 * without exactly one Host: 400.
 */
final class HeadReader {

    /** Stray empty lines tolerated before a request line (RFC 9112 §2.2), then 400. */
    private static final int MAX_LEADING_EMPTY_LINES = 8;

    private final LineReader lines;
    private final HttpLimits limits;

    HeadReader(LineReader lines, HttpLimits limits) {
        this.lines = lines;
        this.limits = limits;
    }

    /** The next head, or null when the client closed the connection before sending one. */
    RequestHead read() throws IOException, HttpFailure {
        String requestLine = lines.read(limits.maxRequestLineBytes(), 414, true);
        for (int empty = 0; requestLine != null && requestLine.isEmpty(); empty++) {
            if (empty == MAX_LEADING_EMPTY_LINES) {
                throw new HttpFailure(400, "empty lines instead of a request line");
            }
            requestLine = lines.read(limits.maxRequestLineBytes(), 414, true);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || !isToken(parts[0]) || !isTarget(parts[1])
                || !(parts[2].equals("HTTP/1.1") || parts[2].equals("HTTP/1.0"))) {
            throw new HttpFailure(400, "malformed request line");
        }
        RequestHead head = new RequestHead(parts[0], parts[1], parts[2], readFields());
        int hosts = head.values("Host").size();
        if (hosts > 1 || (head.http11() && hosts == 0)) {
            throw new HttpFailure(400, hosts == 0 ? "HTTP/1.1 request without Host" : "repeated Host");
        }
        return head;
    }

    /** Header lines up to the blank line (also used for a chunked body's trailers). */
    List<RequestHead.Header> readFields() throws IOException, HttpFailure {
        List<RequestHead.Header> fields = new ArrayList<>();
        int total = 0;
        while (true) {
            String line = lines.read(limits.maxHeaderLineBytes(), 431, false);
            if (line.isEmpty()) {
                return fields;
            }
            total += line.length() + 2;
            if (fields.size() == limits.maxHeaderCount() || total > limits.maxHeadBytes()) {
                throw new HttpFailure(431, "too many or too large header fields");
            }
            fields.add(field(line));
        }
    }

    private static RequestHead.Header field(String line) throws HttpFailure {
        int colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.substring(0, colon))) {
            throw new HttpFailure(400, "malformed header name");
        }
        String value = trimSpaces(line.substring(colon + 1));
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new HttpFailure(400, "control character in a header value");
            }
        }
        return new RequestHead.Header(line.substring(0, colon), value);
    }

    /** Only SP and HTAB around a value (String.strip would also eat control characters). */
    private static String trimSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }

    /** RFC 9110 token: visible ASCII except delimiters. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A request target as sent: no spaces or control characters; other bytes go to the edge as they are. */
    private static boolean isTarget(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
