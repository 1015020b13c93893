package dev.warren.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.warren.functions.caller.BasicAuthCallers;
import dev.warren.functions.caller.CallerAuthentication;
import dev.warren.functions.caller.CallerVerdict;
import dev.warren.functions.caller.MutualTlsCallers;
import dev.warren.policy.Cause;
import dev.warren.protocol.DecisionRecord;
import dev.warren.protocol.HttpEdge;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The caller check in front of every handler, on the events/ files: the documented answer when
 * the caller passes, the broker's refusal ({@code 200 deny}, logged with the reason) when it
 * does not, whatever the question was.
 */
class CallerGateTest {

    /** The client certificate subject every events/ file carries. */
    static final String EVENT_SUBJECT = "CN=broker.example.com,O=Example";
    static final String SHARED = "rabbitmq:Zq8-not-a-real-secret";

    static final Map<String, Function<ApiGatewayAdapter, RequestHandler<HttpApiEvent, APIGatewayV2HTTPResponse>>>
            HANDLERS = Map.of(
                    "UserCheckFunction", UserCheck::new,
                    "VhostCheckFunction", VhostCheck::new,
                    "ResourceCheckFunction", ResourceCheck::new,
                    "TopicCheckFunction", TopicCheck::new);

    static final List<DecisionRecord> RECORDS = new ArrayList<>();
    static HttpEdge edge;

    @BeforeAll
    static void edge() throws Exception {
        edge = EventCases.sampleEdge(RECORDS);
    }

    static Stream<EventCases.Case> cases() {
        return EventCases.all().stream().filter(c -> c.status() == 200);
    }

    static APIGatewayV2HTTPResponse call(CallerAuthentication callers, EventCases.Case c, HttpApiEvent event) {
        RECORDS.clear();
        return HANDLERS.get(c.function()).apply(new ApiGatewayAdapter(edge, callers))
                .handleRequest(event, new LocalContext(c.function()));
    }

    static void assertRefused(APIGatewayV2HTTPResponse response, CallerVerdict verdict) {
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("deny");
        assertThat(RECORDS).hasSize(1);
        assertThat(RECORDS.get(0).decision().allowed()).isFalse();
        assertThat(RECORDS.get(0).decision().cause()).isEqualTo(Cause.CALLER_NOT_AUTHENTICATED);
        assertThat(RECORDS.get(0).decision().reason()).isEqualTo("caller not authenticated: " + verdict.reason());
        // nothing of an unauthenticated request is read into the log
        assertThat(RECORDS.get(0).username()).isNull();
        assertThat(RECORDS.get(0).vhost()).isNull();
    }

    static HttpApiEvent withAuthorization(HttpApiEvent event, String authorization) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("authorization", authorization);
        event.setHeaders(headers);
        return event;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mtlsAllowListAdmitsTheEventsSubject(EventCases.Case c) throws Exception {
        HttpApiEvent event = EventJson.readEvent(c.path());
        assertThat(HttpApiEvent.clientCertificateSubject(event)).isEqualTo(EVENT_SUBJECT);
        APIGatewayV2HTTPResponse response = call(MutualTlsCallers.subjects("CN=other|" + EVENT_SUBJECT), c, event);
        assertThat(response.getBody()).isEqualTo(c.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mtlsAllowListRefusesOtherSubjectsAndRequestsWithoutCertificate(EventCases.Case c) throws Exception {
        assertRefused(call(MutualTlsCallers.subjects("CN=other,O=Example"), c, EventJson.readEvent(c.path())),
                CallerVerdict.SUBJECT_NOT_ALLOWED);
        HttpApiEvent noCertificate = EventJson.readEvent(c.path());
        ((HttpApiEvent.Context) noCertificate.getRequestContext()).setAuthentication(null);
        assertRefused(call(MutualTlsCallers.anyTrustedCertificate(), c, noCertificate),
                CallerVerdict.NO_CLIENT_CERTIFICATE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void basicSecretRightWrongMissing(EventCases.Case c) throws Exception {
        BasicAuthCallers callers = new BasicAuthCallers(BasicAuthCallers.SharedSecret.fixed(SHARED));
        String right = "Basic " + Base64.getEncoder().encodeToString(SHARED.getBytes(StandardCharsets.UTF_8));
        String wrong = "Basic " + Base64.getEncoder().encodeToString("rabbitmq:guess".getBytes(StandardCharsets.UTF_8));

        assertThat(call(callers, c, withAuthorization(EventJson.readEvent(c.path()), right)).getBody()).isEqualTo(c.body());
        assertThat(RECORDS.get(0).decision().reason()).doesNotContain(SHARED).doesNotContain(right);
        assertThat(RECORDS.get(0).toString()).doesNotContain(SHARED).doesNotContain(right);
        assertRefused(call(callers, c, withAuthorization(EventJson.readEvent(c.path()), wrong)),
                CallerVerdict.WRONG_CREDENTIALS);
        assertRefused(call(callers, c, EventJson.readEvent(c.path())), CallerVerdict.NO_CREDENTIALS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void publicAnswersEveryoneAsDocumented(EventCases.Case c) throws Exception {
        HttpApiEvent noCertificate = EventJson.readEvent(c.path());
        ((HttpApiEvent.Context) noCertificate.getRequestContext()).setAuthentication(null);
        assertThat(call(CallerAuthentication.publicAccess(), c, noCertificate).getBody()).isEqualTo(c.body());
    }

    @Test
    void unknownPathsAndMethodsKeepTheirStatusForRefusedCallers() throws Exception {
        EventCases.Case c = EventCases.all().stream().filter(x -> x.status() == 404).findFirst().orElseThrow();
        HttpApiEvent event = EventJson.readEvent(c.path());
        RECORDS.clear();
        APIGatewayV2HTTPResponse response = new UserCheck(new ApiGatewayAdapter(edge,
                MutualTlsCallers.subjects("CN=other"))).handleRequest(event, new LocalContext("UserCheckFunction"));
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(RECORDS).isEmpty();
    }
}
