package dev.warren.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.warren.protocol.EdgeRequest;
import dev.warren.protocol.EdgeResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayAdapterTest {

    private static APIGatewayV2HTTPEvent event(String method, String rawPath, String rawQuery,
                                               Map<String, String> headers, String body, boolean base64) {
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(base64)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build())
                        .build())
                .build();
    }

    @Test
    void passesTheRequestThroughUntouched() {
        EdgeRequest r = ApiGatewayAdapter.toEdgeRequest(event("POST", "/auth/%75ser", "a=%C3%A9&b=+",
                Map.of("content-type", "application/x-www-form-urlencoded; charset=utf-8"), "username=x%00y", false));
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.rawPath()).isEqualTo("/auth/%75ser");
        assertThat(new String(r.rawQuery(), StandardCharsets.UTF_8)).isEqualTo("a=%C3%A9&b=+");
        assertThat(r.contentType()).isEqualTo("application/x-www-form-urlencoded; charset=utf-8");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("username=x%00y");
    }

    @Test
    void emptyQueryIsNoQueryAndMissingBodyIsEmpty() {
        EdgeRequest r = ApiGatewayAdapter.toEdgeRequest(event("GET", "/auth/user", "", null, null, false));
        assertThat(r.rawQuery()).isNull();
        assertThat(r.body()).isEmpty();
        assertThat(r.contentType()).isNull();
    }

    @Test
    void decodesBase64BodiesAndMarksInvalidBase64() {
        byte[] form = "username=a&password=%C3%A9".getBytes(StandardCharsets.UTF_8);
        EdgeRequest ok = ApiGatewayAdapter.toEdgeRequest(event("POST", "/auth/user", null,
                Map.of(), Base64.getEncoder().encodeToString(form), true));
        assertThat(ok.body()).isEqualTo(form);
        EdgeRequest bad = ApiGatewayAdapter.toEdgeRequest(event("POST", "/auth/user", null, Map.of(), "!!not base64", true));
        assertThat(bad.body()).isNull();
    }

    @Test
    void findsContentTypeWhateverTheCase() {
        assertThat(ApiGatewayAdapter.header(Map.of("Content-Type", "text/plain"), "content-type")).isEqualTo("text/plain");
        assertThat(ApiGatewayAdapter.header(Map.of("x", "y"), "content-type")).isNull();
    }

    @Test
    void aNameSpelledTwiceIsJoinedLikeApiGatewayJoinsRepeats() {
        String joined = ApiGatewayAdapter.header(Map.of("Content-Type", "text/plain",
                "content-type", "application/x-www-form-urlencoded"), "content-type");
        assertThat(joined.split(",")).containsExactlyInAnyOrder("text/plain", "application/x-www-form-urlencoded");
    }

    @Test
    void missingRequestContextIsNotAMethod() {
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setRawPath("/auth/user");
        assertThat(ApiGatewayAdapter.toEdgeRequest(e).method()).isEmpty();
    }

    @Test
    void mapsTheResponseAsPlainText() {
        APIGatewayV2HTTPResponse r = ApiGatewayAdapter.toResponse(
                new EdgeResponse(200, "allow management", Map.of("Content-Type", EdgeResponse.CONTENT_TYPE)));
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getBody()).isEqualTo("allow management");
        assertThat(r.getIsBase64Encoded()).isFalse();
        assertThat(r.getHeaders()).containsEntry("Content-Type", EdgeResponse.CONTENT_TYPE);
    }
}
