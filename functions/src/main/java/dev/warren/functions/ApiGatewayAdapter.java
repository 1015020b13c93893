package dev.warren.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.warren.functions.caller.CallerAuthentication;
import dev.warren.functions.caller.CallerCredentials;
import dev.warren.functions.caller.CallerVerdict;
import dev.warren.protocol.EdgeRequest;
import dev.warren.protocol.EdgeResponse;
import dev.warren.protocol.HttpEdge;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The one mapping between API Gateway HTTP API events (payload 2.0) and the shared
 * {@link HttpEdge}: the event is handed over untouched (raw path, raw query bytes, Content-Type,
 * body decoded from base64 when flagged), so the handlers answer exactly as {@code warren serve}.
 * Before that, the caller is checked ({@link CallerAuthentication}); a caller that fails gets the
 * broker's refusal and the request is not read.
 */
public final class ApiGatewayAdapter {

    private final HttpEdge edge;
    private final CallerAuthentication callers;

    public ApiGatewayAdapter(HttpEdge edge, CallerAuthentication callers) {
        this.edge = edge;
        this.callers = callers;
    }

    /** Answers one event; Powertools adds the Lambda context (request id, cold start) to every log line. */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> toResponse(answer(event)));
    }

    private EdgeResponse answer(APIGatewayV2HTTPEvent event) {
        CallerVerdict verdict = callers.check(callerCredentials(event));
        EdgeRequest request = toEdgeRequest(event);
        return verdict.admits() ? edge.handle(request) : edge.refuseCaller(request, verdict.reason());
    }

    static CallerCredentials callerCredentials(APIGatewayV2HTTPEvent event) {
        return new CallerCredentials(header(event.getHeaders(), "authorization"),
                HttpApiEvent.clientCertificateSubject(event));
    }

    static EdgeRequest toEdgeRequest(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext requestContext = event.getRequestContext();
        String method = requestContext == null || requestContext.getHttp() == null
                || requestContext.getHttp().getMethod() == null ? "" : requestContext.getHttp().getMethod();
        String rawPath = event.getRawPath() == null ? "" : event.getRawPath();
        String rawQuery = event.getRawQueryString();
        byte[] query = rawQuery == null || rawQuery.isEmpty() ? null : rawQuery.getBytes(StandardCharsets.UTF_8);
        return new EdgeRequest(method, rawPath, query, header(event.getHeaders(), "content-type"),
                EdgeRequest.apiGatewayBody(event.getBody(), event.getIsBase64Encoded()));
    }

    /**
     * API Gateway lower-cases header names and joins a repeated header's values with commas;
     * events written by hand or by other proxies may spell a name twice in different cases: those
     * values are joined the same way (so a repeated Content-Type is denied, as in {@code serve}).
     */
    static String header(Map<String, String> headers, String lowerCaseName) {
        if (headers == null) {
            return null;
        }
        String joined = null;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(lowerCaseName) && e.getValue() != null) {
                joined = joined == null ? e.getValue() : joined + "," + e.getValue();
            }
        }
        return joined;
    }

    static APIGatewayV2HTTPResponse toResponse(EdgeResponse response) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }
}
