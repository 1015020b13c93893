package dev.warren.cli.http;

import java.util.List;

/**
 * How a request's body is delimited, decided from its head before a byte of it is read. Strict,
 * because two parties that frame one request differently is how requests are smuggled: a
 * {@code Transfer-Encoding} other than exactly one {@code chunked} (any case), or with
 * {@code Content-Length}, or on HTTP/1.0, is 400; so are invalid or conflicting lengths. (A
 * length over the body limit is 413, but only once the request is routed: an unknown path is 404
 * whatever its body, as from API Gateway.)
 */
sealed interface Framing {

    /** No body. */
    record None() implements Framing {
    }

    /** Exactly {@code bytes} bytes follow. */
    record Length(long bytes) implements Framing {
    }

    /** A chunked body follows. */
    record Chunked() implements Framing {
    }

    static Framing of(RequestHead head) throws HttpFailure {
        List<String> encodings = head.values("Transfer-Encoding");
        List<String> lengths = head.values("Content-Length");
        if (!encodings.isEmpty()) {
            if (!head.http11()) {
                throw new HttpFailure(400, "Transfer-Encoding on HTTP/1.0");
            }
            if (!lengths.isEmpty()) {
                throw new HttpFailure(400, "Transfer-Encoding with Content-Length");
            }
            if (encodings.size() != 1 || !encodings.getFirst().equalsIgnoreCase("chunked")) {
                throw new HttpFailure(400, "Transfer-Encoding other than one chunked");
            }
            return new Chunked();
        }
        if (lengths.isEmpty()) {
            return new None();
        }
        long length = -1;
        for (String value : lengths) {
            for (String item : value.split(",", -1)) {
                String v = item.strip();
                if (v.isEmpty() || v.length() > 12 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new HttpFailure(400, "invalid Content-Length");
                }
                long parsed = Long.parseLong(v);
                if (length >= 0 && parsed != length) {
                    throw new HttpFailure(400, "conflicting Content-Length");
                }
                length = parsed;
            }
        }
        return length == 0 ? new None() : new Length(length);
    }
}
