package dev.warren.protocol;

import java.util.Base64;
import java.util.Objects;

/**
 * One HTTP request as it reached warren, before any interpretation: the same shape whether it
 * came through API Gateway or the local server.
 *
 * @param rawPath the path exactly as sent (no decoding, no normalisation)
 * @param rawQuery the query string bytes as sent, or null when there is none
 * @param contentType the Content-Type header, or null
 * @param body the body bytes (empty when none); null when the body could not be decoded
 */
public record EdgeRequest(String method, String rawPath, byte[] rawQuery, String contentType, byte[] body) {

    public EdgeRequest {
        Objects.requireNonNull(method);
        Objects.requireNonNull(rawPath);
    }

    /** Decodes a body as API Gateway delivers it; invalid base64 gives null (then deny). */
    public static byte[] apiGatewayBody(String body, boolean base64Encoded) {
        if (body == null) {
            return new byte[0];
        }
        if (!base64Encoded) {
            return body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
