package dev.warren.cli.http;

import dev.warren.protocol.EdgeResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a body as its {@link Framing} says, never more than the body limit (else 413). */
final class BodyReader {

    private static final int MAX_CHUNK_LINE_BYTES = 1024;

    private final LineReader lines;
    private final HeadReader trailers;
    private final int maxBodyBytes;

    BodyReader(LineReader lines, HeadReader trailers, int maxBodyBytes) {
        this.lines = lines;
        this.trailers = trailers;
        this.maxBodyBytes = maxBodyBytes;
    }

    byte[] read(Framing framing) throws IOException, HttpFailure {
        return switch (framing) {
            case Framing.None none -> new byte[0];
            case Framing.Length length -> declared(length.bytes());
            case Framing.Chunked chunked -> chunked();
        };
    }

    private byte[] declared(long length) throws IOException, HttpFailure {
        if (length > maxBodyBytes) {
            throw tooLarge();
        }
        return exactly((int) length);
    }

    /** 413 with the edge's own wording, so serve and the functions answer alike. */
    private static HttpFailure tooLarge() {
        return new HttpFailure(413, EdgeResponse.tooLarge().body());
    }

    private byte[] exactly(int length) throws IOException, HttpFailure {
        InputStream in = lines.stream();
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new HttpFailure(400, "connection closed inside the body");
        }
        return body;
    }

    private byte[] chunked() throws IOException, HttpFailure {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = lines.read(MAX_CHUNK_LINE_BYTES, 400, false);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
            if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new HttpFailure(400, "invalid chunk size");
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                trailers.readFields(); // bounded like headers, then ignored
                return body.toByteArray();
            }
            if (body.size() + size > maxBodyBytes) {
                throw tooLarge();
            }
            body.write(exactly((int) size));
            if (!lines.read(0, 400, false).isEmpty()) {
                throw new HttpFailure(400, "chunk not followed by CRLF");
            }
        }
    }
}
