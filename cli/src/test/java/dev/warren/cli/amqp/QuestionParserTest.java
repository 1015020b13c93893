package dev.warren.cli.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.impl.LongStringHelper;
import dev.warren.policy.AuthPath;
import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.AuthRequest.VhostRequest;
import dev.warren.policy.Permission;
import dev.warren.policy.ResourceKind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuestionParserTest {

    private static final byte[] NO_BODY = new byte[0];

    private static Question parse(Map<String, String> headers) {
        return QuestionParser.parse(PluginHeaders.longStrings(headers), NO_BODY);
    }

    private static Question.Malformed malformed(Question q) {
        assertThat(q).isInstanceOf(Question.Malformed.class);
        return (Question.Malformed) q;
    }

    @Test
    void loginCarriesThePasswordAndNoPasswordIsACertificateLogin() {
        Question q = parse(Map.of("action", "login", "username", "app", "password", "s3cret"));
        assertThat(q).isEqualTo(new Question.Valid(new UserRequest("app", Optional.of("s3cret"))));
        assertThat(parse(Map.of("action", "login", "username", "gateway")))
                .isEqualTo(new Question.Valid(new UserRequest("gateway", Optional.empty())));
    }

    @Test
    void checkVhostIgnoresTheIpAsTheHttpEdgeDoes() {
        assertThat(parse(Map.of("action", "check_vhost", "username", "app", "vhost", "/", "ip", "127.0.0.1")))
                .isEqualTo(new Question.Valid(new VhostRequest("app", "/")));
    }

    @Test
    void checkResourceIsTyped() {
        assertThat(parse(Map.of("action", "check_resource", "username", "app", "vhost", "/", "resource", "queue",
                "name", "app.q", "permission", "configure")))
                .isEqualTo(new Question.Valid(new ResourceRequest("app", "/", ResourceKind.QUEUE, "app.q",
                        Permission.CONFIGURE)));
    }

    @Test
    void checkTopicReadsTheFlattenedVariableMap() {
        Map<String, String> h = new LinkedHashMap<>(Map.of("action", "check_topic", "username", "sensor-1",
                "vhost", "iot", "resource", "topic", "name", "amq.topic", "permission", "write"));
        h.put("routing_key", "sensors.sensor-1.t");
        h.put("variable_map.username", "sensor-1");
        h.put("variable_map.vhost", "iot");
        h.put("variable_map.client_id", "c1");
        assertThat(parse(h)).isEqualTo(new Question.Valid(new TopicRequest("sensor-1", "iot", "amq.topic",
                Permission.WRITE, "sensors.sensor-1.t", Map.of("username", "sensor-1", "vhost", "iot", "client_id", "c1"))));
    }

    @Test
    void aMissingOrUnknownActionHasNoPath() {
        Question.Malformed missing = malformed(parse(Map.of("username", "app", "password", "x")));
        assertThat(missing.path()).isEmpty();
        assertThat(missing.reason()).isEqualTo("missing header 'action'");
        assertThat(missing.username()).contains("app");
        Question.Malformed unknown = malformed(parse(Map.of("action", "check_everything", "username", "app")));
        assertThat(unknown.path()).isEmpty();
        assertThat(unknown.reason()).isEqualTo("unknown action 'check_everything'");
        assertThat(malformed(parse(Map.of("action", "LOGIN", "username", "app"))).path()).isEmpty();
    }

    @Test
    void missingFieldsAreRejectedByTheHttpEdgesParser() {
        Question.Malformed m = malformed(parse(Map.of("action", "check_resource", "username", "app", "vhost", "/",
                "resource", "queue", "permission", "read")));
        assertThat(m.path()).contains(AuthPath.RESOURCE);
        assertThat(m.reason()).isEqualTo("missing parameter 'name'");
        assertThat(malformed(parse(Map.of("action", "login"))).reason()).isEqualTo("missing parameter 'username'");
        assertThat(malformed(parse(Map.of("action", "check_topic", "username", "a", "vhost", "/", "resource", "topic",
                "name", "x", "permission", "configure", "routing_key", "k"))).reason())
                .contains("configure");
    }

    @Test
    void aHeaderThatIsNotALongstrMakesTheQuestionMalformedButKeepsThePath() {
        Map<String, Object> headers = new HashMap<>(PluginHeaders.longStrings(Map.of("action", "login", "username", "app")));
        headers.put("password", 42);
        Question.Malformed m = malformed(QuestionParser.parse(headers, NO_BODY));
        assertThat(m.path()).contains(AuthPath.USER);
        assertThat(m.reason()).isEqualTo("header 'password' is not a longstr (Integer)");
        headers.put("password", null);
        assertThat(malformed(QuestionParser.parse(headers, NO_BODY)).reason()).isEqualTo("header 'password' is void");
    }

    @Test
    void invalidUtf8IsRejectedNotRepaired() {
        Map<String, Object> headers = new HashMap<>(PluginHeaders.longStrings(Map.of("action", "check_vhost",
                "username", "app")));
        headers.put("vhost", LongStringHelper.asLongString(new byte[] {(byte) 0xC3, (byte) 0x28}));
        assertThat(malformed(QuestionParser.parse(headers, NO_BODY)).reason()).isEqualTo("header 'vhost' is not valid UTF-8");
    }

    @Test
    void noHeadersABodyTooManyOrTooLargeHeadersAreMalformed() {
        assertThat(malformed(QuestionParser.parse(null, NO_BODY)).reason()).isEqualTo("no headers");
        assertThat(malformed(QuestionParser.parse(Map.of(), NO_BODY)).reason()).isEqualTo("no headers");
        Map<String, Object> login = PluginHeaders.longStrings(Map.of("action", "login", "username", "app", "password", "p"));
        Question.Malformed withBody = malformed(QuestionParser.parse(login, new byte[] {1}));
        assertThat(withBody.reason()).contains("has a body");
        assertThat(withBody.path()).contains(AuthPath.USER);

        Map<String, String> many = new HashMap<>(Map.of("action", "check_vhost", "username", "app", "vhost", "/"));
        for (int i = 0; i < QuestionParser.MAX_HEADERS; i++) {
            many.put("x" + i, "v");
        }
        assertThat(malformed(parse(many)).reason()).contains("headers (at most " + QuestionParser.MAX_HEADERS + ")");

        String huge = "a".repeat(QuestionParser.MAX_QUESTION_BYTES);
        assertThat(malformed(parse(Map.of("action", "check_vhost", "username", "app", "vhost", huge))).reason())
                .isEqualTo("headers larger than " + QuestionParser.MAX_QUESTION_BYTES + " bytes");
    }

    @Test
    void noReasonRepeatsThePassword() {
        String password = "hunter2-" + "x".repeat(50);
        for (Map<String, String> h : java.util.List.of(
                Map.of("action", "login", "password", password),
                Map.of("action", "nope", "username", "app", "password", password),
                Map.of("username", "app", "password", password))) {
            assertThat(malformed(parse(h)).reason()).doesNotContain("hunter2");
        }
    }

    @Test
    void aLongUnknownActionIsCutInTheReason() {
        Question.Malformed m = malformed(parse(Map.of("action", "z".repeat(1000), "username", "app")));
        assertThat(m.reason()).hasSizeLessThan(200).contains("(1000 chars)");
    }
}
