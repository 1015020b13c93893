package dev.warren.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.warren.protocol.DecisionRecord;
import dev.warren.protocol.EdgeResponse;
import dev.warren.protocol.HttpEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every handler on every events/ file gives the answer events/README.md documents. */
class HandlersTest {

    static final Map<String, Function<HttpEdge, RequestHandler<HttpApiEvent, APIGatewayV2HTTPResponse>>>
            HANDLERS = Map.of(
                    "UserCheck", UserCheck::new,
                    "VhostCheck", VhostCheck::new,
                    "ResourceCheck", ResourceCheck::new,
                    "TopicCheck", TopicCheck::new);

    static final List<DecisionRecord> RECORDS = new ArrayList<>();
    static HttpEdge edge;

    @BeforeAll
    static void edge() throws Exception {
        edge = EventCases.sampleEdge(RECORDS);
    }

    static Stream<Arguments> cases() {
        return EventCases.all().stream()
                .flatMap(c -> HANDLERS.keySet().stream().sorted().map(h -> Arguments.of(c, h)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void answersAsDocumented(EventCases.Case c, String handlerName) throws Exception {
        HttpApiEvent event = EventJson.readEvent(c.path());
        String password = passwordOf(event);
        RECORDS.clear();

        APIGatewayV2HTTPResponse response = HANDLERS.get(handlerName).apply(edge)
                .handleRequest(event, new LocalContext(handlerName));

        assertThat(response.getStatusCode()).isEqualTo(c.status());
        assertThat(response.getBody()).isEqualTo(c.body());
        assertThat(response.getIsBase64Encoded()).isFalse();
        assertThat(response.getHeaders()).containsEntry("Content-Type", EdgeResponse.CONTENT_TYPE);
        if (c.status() == 200) {
            assertThat(RECORDS).hasSize(1);
            DecisionRecord logged = RECORDS.get(0);
            assertThat(logged.result()).isEqualTo(c.body().split(" ")[0]);
            if (password != null) {
                assertThat(logged.toString()).doesNotContain(password);
            }
        }
    }

    private static String passwordOf(APIGatewayV2HTTPEvent event) {
        String form = event.getRawQueryString() == null || event.getRawQueryString().isEmpty()
                ? new String(dev.warren.protocol.EdgeRequest.apiGatewayBody(event.getBody(), event.getIsBase64Encoded()),
                        java.nio.charset.StandardCharsets.UTF_8)
                : event.getRawQueryString();
        for (String pair : form.split("&")) {
            if (pair.startsWith("password=")) {
                return pair.substring("password=".length());
            }
        }
        return null;
    }
}
