package dev.warren.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.warren.functions.EdgeFunction;
import dev.warren.functions.HttpApiEvent;
import dev.warren.functions.LocalContext;
import java.util.Base64;
import java.util.Map;

/**
 * One cold start of a warren function, in the JVM {@link ColdStartBenchmark} starts: constructs the
 * handler class (as the Lambda runtime does, by name, no-argument constructor), optionally runs
 * the SnapStart hooks, then answers one API Gateway login event, and prints
 * {@code RESULT <init µs> <first request µs> <status> <body>}.
 *
 * <p>Arguments: handler class, method (POST or GET), form (URL-encoded), {@code cold} or {@code primed}.
 */
public final class FunctionProbe {

    private FunctionProbe() {
    }

    public static void main(String[] args) throws Exception {
        HttpApiEvent event = event(args[1], args[2]);
        long started = System.nanoTime();
        EdgeFunction handler = (EdgeFunction) Class.forName(args[0]).getConstructor().newInstance();
        long constructed = System.nanoTime();
        if (args[3].equals("primed")) {
            // What SnapStart does around the snapshot; org.crac cannot call the hooks on a JVM without CRaC.
            handler.snapStartResource().beforeCheckpoint(null);
            handler.snapStartResource().afterRestore(null);
        }
        long requested = System.nanoTime();
        APIGatewayV2HTTPResponse r = handler.handleRequest(event, new LocalContext("warren-cold-start"));
        long answered = System.nanoTime();
        System.out.println("RESULT " + (constructed - started) / 1000 + " " + (answered - requested) / 1000 + " "
                + r.getStatusCode() + " " + r.getBody());
        System.out.flush();
    }

    /** The event API Gateway sends for a form POST (base64 body) or a GET. */
    static HttpApiEvent event(String method, String form) {
        HttpApiEvent event = new HttpApiEvent();
        event.setVersion("2.0");
        event.setRawPath("/auth/user");
        event.setRouteKey(method + " /auth/user");
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method)
                        .withPath("/auth/user").withProtocol("HTTP/1.1").withSourceIp("203.0.113.10").build())
                .withRequestId("cold-start").withStage("$default").build());
        if (method.equals("POST")) {
            event.setHeaders(Map.of("content-type", "application/x-www-form-urlencoded"));
            event.setBody(Base64.getEncoder().encodeToString(form.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            event.setIsBase64Encoded(true);
        } else {
            event.setHeaders(Map.of());
            event.setRawQueryString(form);
        }
        return event;
    }
}
