package dev.warren.cli.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.policy.AuthRequest;
import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.AuthRequest.VhostRequest;
import dev.warren.protocol.DecisionLog;
import dev.warren.protocol.EdgeRequest;
import dev.warren.protocol.HttpEdge;
import dev.warren.testing.DecisionMatrix;
import dev.warren.testing.Fixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every question of the decision matrix, asked once as the HTTP plugin asks it (through
 * {@link HttpEdge}) and once as the AMQP plugin asks it (headers through {@link QuestionParser} and
 * {@link QuestionHandler}): the answers must say the same thing in each protocol's words.
 */
class SameAnswersAsHttpTest {

    @Test
    void everyQuestionGetsTheHttpEdgesAnswerInTheAmqpPluginsWords() {
        HttpEdge http = new HttpEdge(Fixtures.service(), DecisionLog.NONE);
        QuestionHandler amqp = new QuestionHandler(Fixtures.service());
        List<AuthRequest> requests = new ArrayList<>(DecisionMatrix.requests(Fixtures.definitions()));
        requests.add(new UserRequest("admin", java.util.Optional.of("test12"))); // two tags
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (AuthRequest request : requests) {
            String httpBody = http.handle(new EdgeRequest("GET", request.path().path(),
                    query(request).getBytes(StandardCharsets.UTF_8), null, new byte[0])).body();
            expected.add(request + " -> " + inAmqpWords(request, httpBody));
            Question question = QuestionParser.parse(PluginHeaders.of(request), new byte[0]);
            actual.add(request + " -> " + amqp.answer(question, System.nanoTime()).body());
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(expected).anyMatch(s -> s.endsWith("-> administrator,monitoring"))
                .anyMatch(s -> s.endsWith("-> refused")).anyMatch(s -> s.endsWith("-> allow"))
                .anyMatch(s -> s.endsWith("-> deny"));
    }

    /** HTTP {@code allow t1 t2} is {@code t1,t2} for a login, {@code deny} is {@code refused}. */
    private static String inAmqpWords(AuthRequest request, String httpBody) {
        if (!(request instanceof UserRequest)) {
            return httpBody;
        }
        if (httpBody.equals("deny")) {
            return "refused";
        }
        return httpBody.equals("allow") ? "" : httpBody.substring("allow ".length()).replace(' ', ',');
    }

    private static String query(AuthRequest request) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("username", request.username());
        switch (request) {
            case UserRequest u -> u.password().ifPresent(pw -> p.put("password", pw));
            case VhostRequest v -> p.put("vhost", v.vhost());
            case ResourceRequest r -> {
                p.put("vhost", r.vhost());
                p.put("resource", r.kind().wireName());
                p.put("name", r.name());
                p.put("permission", r.permission().wireName());
            }
            case TopicRequest t -> {
                p.put("vhost", t.vhost());
                p.put("resource", "topic");
                p.put("name", t.exchange());
                p.put("permission", t.permission().wireName());
                p.put("routing_key", t.routingKey());
                t.variables().forEach((k, v) -> p.put("variable_map." + k, v));
            }
        }
        return p.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
