package dev.warren.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What goes back to the broker: status, plain-text body (no trailing newline), headers. */
public record EdgeResponse(int status, String body, Map<String, String> headers) {

    public static final String CONTENT_TYPE = "text/plain; charset=utf-8";

    public EdgeResponse {
        headers = Map.copyOf(headers);
    }

    static EdgeResponse ok(String body) {
        return new EdgeResponse(200, body, Map.of("Content-Type", CONTENT_TYPE));
    }

    static EdgeResponse notFound() {
        return new EdgeResponse(404, "not found", Map.of("Content-Type", CONTENT_TYPE));
    }

    static EdgeResponse methodNotAllowed() {
        return new EdgeResponse(405, "method not allowed", Map.of("Content-Type", CONTENT_TYPE, "Allow", "GET, POST"));
    }

    /** 413, as the edge answers a body over {@link HttpEdge#MAX_BODY_BYTES} (the local server too). */
    public static EdgeResponse tooLarge() {
        return new EdgeResponse(413, "request body too large", Map.of("Content-Type", CONTENT_TYPE));
    }

    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
