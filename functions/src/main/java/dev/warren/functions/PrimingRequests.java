package dev.warren.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.warren.policy.AuthPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The requests a function answers while priming: for its own path, one that {@link PrimingUser}
 * is allowed (a base64 form body, as API Gateway sends POSTs) and one it is refused (a GET query),
 * so both branches, both decoders and both log levels run before the snapshot.
 */
final class PrimingRequests {

    /** One priming request and how the answer body must start (deny reasons, when on, follow {@code deny}). */
    record Request(APIGatewayV2HTTPEvent event, String expectedBody) {
    }

    private PrimingRequests() {
    }

    static List<Request> forPath(AuthPath path, PrimingUser user) {
        String name = "username=" + form(user.username());
        return switch (path) {
            case USER -> List.of(
                    post(path, name + "&password=" + form(user.password()), "allow " + String.join(" ", user.tags())),
                    get(path, name + "&password=" + form("not-" + user.password()), "deny"));
            case VHOST -> List.of(
                    post(path, name + "&vhost=" + form(PrimingUser.VHOST) + "&ip=127.0.0.1", "allow"),
                    get(path, name + "&vhost=other&ip=127.0.0.1", "deny"));
            case RESOURCE -> List.of(
                    post(path, name + "&vhost=" + form(PrimingUser.VHOST) + "&resource=queue&name="
                            + form(PrimingUser.QUEUE) + "&permission=configure", "allow"),
                    get(path, name + "&vhost=" + form(PrimingUser.VHOST) + "&resource=exchange&name=other"
                            + "&permission=write", "deny"));
            case TOPIC -> List.of(
                    post(path, name + "&vhost=" + form(PrimingUser.VHOST) + "&resource=topic&name="
                            + form(PrimingUser.EXCHANGE) + "&permission=write&routing_key="
                            + form(PrimingUser.ROUTING_KEY) + "&variable_map.username=" + form(user.username())
                            + "&variable_map.vhost=" + form(PrimingUser.VHOST), "allow"),
                    get(path, name + "&vhost=" + form(PrimingUser.VHOST) + "&resource=topic&name="
                            + form(PrimingUser.EXCHANGE) + "&permission=write&routing_key=other", "deny"));
        };
    }

    private static Request post(AuthPath path, String form, String expected) {
        APIGatewayV2HTTPEvent event = event(path, "POST");
        event.setHeaders(Map.of("content-type", "application/x-www-form-urlencoded"));
        event.setBody(Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);
        return new Request(event, expected);
    }

    private static Request get(AuthPath path, String query, String expected) {
        APIGatewayV2HTTPEvent event = event(path, "GET");
        event.setHeaders(Map.of());
        event.setRawQueryString(query);
        return new Request(event, expected);
    }

    private static APIGatewayV2HTTPEvent event(AuthPath path, String method) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        String rawPath = "/auth/" + path.label();
        event.setVersion("2.0");
        event.setRouteKey(method + " " + rawPath);
        event.setRawPath(rawPath);
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method).withPath(rawPath).withProtocol("HTTP/1.1").withSourceIp("127.0.0.1")
                        .build())
                .withRouteKey(method + " " + rawPath)
                .withStage("$default")
                .build());
        return event;
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
