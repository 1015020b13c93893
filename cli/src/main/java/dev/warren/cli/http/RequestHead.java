package dev.warren.cli.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A request line and its headers exactly as sent (bytes as ISO-8859-1 characters): no URI
 * parsing, so an invalid percent-escape or a {@code //} reaches the decision code untouched.
 */
record RequestHead(String method, String target, String version, List<Header> headers) {

    /** One header line: the name as sent, the value without surrounding spaces and tabs. */
    record Header(String name, String value) {
    }

    RequestHead {
        headers = List.copyOf(headers);
    }

    boolean http11() {
        return version.equals("HTTP/1.1");
    }

    /** Every value of one header, in order (names compared without case). */
    List<String> values(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    /**
     * The values of a repeated header joined by commas, as API Gateway hands them to a function;
     * null when the header is absent.
     */
    String joined(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : String.join(",", values);
    }

    String rawPath() {
        int question = target.indexOf('?');
        return question < 0 ? target : target.substring(0, question);
    }

    /** The query's bytes as sent, or null when the target has no {@code ?}. */
    byte[] rawQuery() {
        int question = target.indexOf('?');
        return question < 0 ? null : target.substring(question + 1).getBytes(StandardCharsets.ISO_8859_1);
    }

    boolean keepAlive() {
        String connection = joined("Connection");
        String c = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
        return http11() ? !c.contains("close") : c.contains("keep-alive");
    }

    /** {@code Expect: 100-continue}, honoured for HTTP/1.1 only (HTTP/1.0 has no interim answers). */
    boolean expectsContinue() {
        String expect = joined("Expect");
        return http11() && expect != null && expect.equalsIgnoreCase("100-continue");
    }
}
