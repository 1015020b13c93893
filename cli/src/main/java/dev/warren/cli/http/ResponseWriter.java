package dev.warren.cli.http;

import dev.warren.protocol.EdgeResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes each response (status line, headers, body) in one write: with Nagle off, one segment. */
final class ResponseWriter {

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;

    ResponseWriter(OutputStream out) {
        this.out = out;
    }

    void write(RequestHead head, EdgeResponse response, boolean keepAlive) throws IOException {
        write(head.version(), head.method().equals("HEAD"), response, keepAlive);
    }

    /** The answer to a request that could not be framed; the connection closes after it. */
    void failure(HttpFailure failure) throws IOException {
        write("HTTP/1.1", false, new EdgeResponse(failure.status, failure.getMessage(),
                Map.of("Content-Type", EdgeResponse.CONTENT_TYPE)), false);
    }

    void continueInterim() throws IOException {
        out.write(CONTINUE);
        out.flush();
    }

    private void write(String version, boolean headRequest, EdgeResponse response, boolean keepAlive)
            throws IOException {
        byte[] body = response.bodyBytes();
        boolean http10 = version.equals("HTTP/1.0");
        StringBuilder headers = new StringBuilder(160);
        headers.append(http10 ? "HTTP/1.0 " : "HTTP/1.1 ")
                .append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
        response.headers().forEach((k, v) -> headers.append(k).append(": ").append(v).append("\r\n"));
        headers.append("Content-Length: ").append(body.length).append("\r\n");
        if (!keepAlive) {
            headers.append("Connection: close\r\n");
        } else if (http10) {
            headers.append("Connection: keep-alive\r\n");
        }
        headers.append("\r\n");
        ByteArrayOutputStream message = new ByteArrayOutputStream(headers.length() + body.length);
        message.writeBytes(headers.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!headRequest) {
            message.writeBytes(body);
        }
        out.write(message.toByteArray());
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> "Status";
        };
    }
}
