package dev.warren.cli.amqp;

import com.rabbitmq.client.LongString;
import dev.warren.policy.AuthPath;
import dev.warren.protocol.HttpEdge;
import dev.warren.protocol.RequestParser;
import dev.warren.protocol.RequestParser.ParseResult;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the plugin's question from a message's headers. The plugin sends every field as a
 * {@code longstr} header named like the HTTP backend's parameter ({@code username}, {@code vhost},
 * {@code resource}, {@code name}, {@code permission}, {@code routing_key},
 * {@code variable_map.username}...) plus {@code action}; the headers become the same parameter map
 * the HTTP edge decodes, and the same {@link RequestParser} types them. Anything else (no headers, a
 * missing or unknown action, a header of another type, invalid UTF-8, a body, too many or too large
 * headers) is {@link Question.Malformed}.
 */
final class QuestionParser {

    /** The same bound as an HTTP request body. */
    static final int MAX_QUESTION_BYTES = HttpEdge.MAX_BODY_BYTES;
    /** The plugin sends at most a dozen headers (more only with a large authorisation context). */
    static final int MAX_HEADERS = 64;

    private static final Map<String, AuthPath> ACTIONS = Map.of(
            "login", AuthPath.USER,
            "check_vhost", AuthPath.VHOST,
            "check_resource", AuthPath.RESOURCE,
            "check_topic", AuthPath.TOPIC);

    private QuestionParser() {
    }

    static Question parse(Map<String, Object> headers, byte[] body) {
        if (headers == null || headers.isEmpty()) {
            return malformed(null, "no headers", null);
        }
        Map<String, List<String>> params = new HashMap<>();
        String problem = decode(headers, body, params);
        Optional<String> username = single(params, "username");
        Optional<String> actionValue = single(params, "action");
        AuthPath path = actionValue.map(ACTIONS::get).orElse(null);
        if (problem != null) {
            return malformed(path, problem, username.orElse(null));
        }
        if (actionValue.isEmpty()) {
            return malformed(null, "missing header 'action'", username.orElse(null));
        }
        if (path == null) {
            return malformed(null, "unknown action '" + LogText.truncate(actionValue.get()) + "'", username.orElse(null));
        }
        params.remove("action");
        ParseResult parsed = RequestParser.parse(path, params);
        return switch (parsed) {
            case ParseResult.Parsed p -> new Question.Valid(p.request());
            case ParseResult.Rejected r -> malformed(path, r.reason(), r.username().orElse(null));
        };
    }

    /** Fills {@code params} with every header it can decode; returns the first problem, or null. */
    private static String decode(Map<String, Object> headers, byte[] body, Map<String, List<String>> params) {
        if (headers.size() > MAX_HEADERS) {
            return headers.size() + " headers (at most " + MAX_HEADERS + ")";
        }
        long total = 0;
        String problem = null;
        for (Map.Entry<String, Object> header : headers.entrySet()) {
            String name = header.getKey();
            if (!(header.getValue() instanceof LongString value)) {
                problem = problem != null ? problem : "header '" + LogText.truncate(name) + "' is "
                        + (header.getValue() == null ? "void" : "not a longstr (" + header.getValue().getClass().getSimpleName() + ")");
                continue;
            }
            total += name.length() + value.length();
            if (total > MAX_QUESTION_BYTES) {
                return "headers larger than " + MAX_QUESTION_BYTES + " bytes";
            }
            Optional<String> text = utf8(value.getBytes());
            if (text.isEmpty()) {
                problem = problem != null ? problem : "header '" + LogText.truncate(name) + "' is not valid UTF-8";
                continue;
            }
            params.put(name, List.of(text.get()));
        }
        if (problem == null && body != null && body.length > 0) {
            problem = "the message has a body (" + body.length + " bytes); questions carry only headers";
        }
        return problem;
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    private static Question malformed(AuthPath path, String reason, String username) {
        return new Question.Malformed(Optional.ofNullable(path), reason, Optional.ofNullable(username));
    }
}
