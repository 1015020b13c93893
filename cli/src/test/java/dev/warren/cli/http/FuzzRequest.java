package dev.warren.cli.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.warren.functions.HttpApiEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One generated request, with what docs/protocol.md §2 says it must get: its bytes on the wire for the
 * local server, and the event API Gateway (payload 2.0) would hand a function for it.
 *
 * @param expected the status the rules demand (200, 400, 404, 405, 413 or 431)
 * @param mustDeny true when the rules demand {@code deny} (a 200 that can be nothing else)
 */
record FuzzRequest(String method, String target, String version, List<String[]> headers, byte[] body,
                   boolean chunked, int expected, boolean mustDeny, String description) {

    /** Statuses that come from framing, which API Gateway enforces itself before any function runs. */
    static final Set<Integer> FRAMING_STATUSES = Set.of(400, 431);

    byte[] wire() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " " + target + " " + version + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (String[] h : headers) {
            out.writeBytes((h[0] + ": " + h[1] + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (!chunked) {
            out.writeBytes(body);
            return out.toByteArray();
        }
        int at = 0;
        int step = Math.max(1, body.length / 3);
        while (at < body.length) {
            int n = Math.min(step, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            at += n;
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** Names lower-cased, repeats joined with commas, body base64-encoded: what API Gateway sends. */
    HttpApiEvent event() {
        Map<String, String> joined = new LinkedHashMap<>();
        for (String[] h : headers) {
            joined.merge(h[0].toLowerCase(Locale.ROOT), h[1], (a, b) -> a + "," + b);
        }
        int question = target.indexOf('?');
        HttpApiEvent event = new HttpApiEvent();
        event.setRawPath(question < 0 ? target : target.substring(0, question));
        event.setRawQueryString(question < 0 ? "" : target.substring(question + 1));
        event.setHeaders(joined);
        if (body.length > 0) {
            event.setBody(Base64.getEncoder().encodeToString(body));
            event.setIsBase64Encoded(true);
        }
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build()).build());
        return event;
    }

    /** Both the local server and the functions can be asked (API Gateway would pass it on). */
    boolean reachesFunctions() {
        return !FRAMING_STATUSES.contains(expected);
    }

    static List<String[]> headers(String... nameValues) {
        List<String[]> list = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            list.add(new String[] {nameValues[i], nameValues[i + 1]});
        }
        return list;
    }
}
