package dev.warren.protocol;

import dev.warren.policy.AuthPath;
import dev.warren.policy.AuthRequest;
import dev.warren.policy.CacheOutcome;
import dev.warren.policy.Cause;
import dev.warren.policy.Decision;
import dev.warren.protocol.FormDecoder.MalformedFormException;
import dev.warren.protocol.RequestParser.ParseResult;
import dev.warren.service.Answer;
import dev.warren.service.AuthService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP rules of docs/protocol.md §2 in one place, shared by the Lambda handlers and the local
 * server: exact paths (else 404), GET reads the query, POST reads a form body (else deny), other
 * methods 405, and every decision is a 200 with {@code allow}, {@code allow tags} or
 * {@code deny} (or {@code deny <reason>}, see {@link AnswerBody}). Nothing below turns into a 5xx.
 */
public final class HttpEdge {

    /** Largest body that gets a real answer. */
    public static final int MAX_BODY_BYTES = 128 * 1024;
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    private final AuthService service;
    private final DecisionLog log;
    private final AnswerBody bodies;

    /** Refusals answer exactly {@code deny}. */
    public HttpEdge(AuthService service, DecisionLog log) {
        this(service, log, AnswerBody.bare());
    }

    public HttpEdge(AuthService service, DecisionLog log, AnswerBody bodies) {
        this.service = service;
        this.log = log;
        this.bodies = bodies;
    }

    /**
     * The answer for a request that is not routed to a decision (404 for any other path, 405 for
     * any other method), or empty when it is: the local server asks before it reads a body or
     * sends {@code 100 Continue}.
     */
    public Optional<EdgeResponse> refusal(String method, String rawPath) {
        if (AuthPath.fromRawPath(rawPath).isEmpty()) {
            return Optional.of(EdgeResponse.notFound());
        }
        if (!method.equals("GET") && !method.equals("POST")) {
            return Optional.of(EdgeResponse.methodNotAllowed());
        }
        return Optional.empty();
    }

    public EdgeResponse handle(EdgeRequest request) {
        long started = System.nanoTime();
        Optional<EdgeResponse> refusal = refusal(request.method(), request.rawPath());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        AuthPath path = AuthPath.fromRawPath(request.rawPath()).orElseThrow();
        boolean get = request.method().equals("GET");
        if (!get && request.body() != null && request.body().length > MAX_BODY_BYTES) {
            return EdgeResponse.tooLarge();
        }
        try {
            return answer(path, request, started);
        } catch (RuntimeException | StackOverflowError e) {
            Decision deny = Decision.error(Cause.INTERNAL_ERROR, "internal error: " + e.getClass().getSimpleName());
            log.record(record(path, request, null, null, new Answer(deny, CacheOutcome.NONE), started));
            return EdgeResponse.ok(bodies.body(path, deny));
        }
    }

    /**
     * The answer to a request whose caller failed caller authentication (the functions' mutual TLS
     * subject or Basic secret check): 404 and 405 as for anyone, otherwise {@code deny}, logged with
     * {@code reason}. Nothing of the request beyond its path and method is read or logged.
     */
    public EdgeResponse refuseCaller(EdgeRequest request, String reason) {
        long started = System.nanoTime();
        Optional<EdgeResponse> refusal = refusal(request.method(), request.rawPath());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        AuthPath path = AuthPath.fromRawPath(request.rawPath()).orElseThrow();
        Decision decision = Decision.deny(Cause.CALLER_NOT_AUTHENTICATED, "caller not authenticated: " + reason);
        log.record(record(path, request, null, null, new Answer(decision, CacheOutcome.NONE), started));
        return EdgeResponse.ok(bodies.body(path, decision));
    }

    private EdgeResponse answer(AuthPath path, EdgeRequest request, long started) {
        byte[] form;
        if (request.method().equals("GET")) {
            form = request.rawQuery() == null ? new byte[0] : request.rawQuery();
        } else if (isRepeated(request.contentType())) {
            return deny(path, request, null, "repeated Content-Type", started);
        } else if (!isForm(request.contentType())) {
            return deny(path, request, null, "POST without Content-Type " + FORM_TYPE, started);
        } else if (request.body() == null) {
            return deny(path, request, null, "body is not valid base64", started);
        } else {
            form = request.body();
        }
        Map<String, List<String>> params;
        try {
            params = FormDecoder.decode(form);
        } catch (MalformedFormException e) {
            return deny(path, request, null, "malformed request: " + e.getMessage(), started);
        }
        ParseResult parsed = RequestParser.parse(path, params);
        if (parsed instanceof ParseResult.Rejected rejected) {
            return deny(path, request, rejected.username().orElse(null),
                    "malformed request: " + rejected.reason(), started);
        }
        AuthRequest authRequest = ((ParseResult.Parsed) parsed).request();
        Answer answer = service.answer(authRequest);
        log.record(record(path, request, authRequest, authRequest.username(), answer, started));
        return EdgeResponse.ok(bodies.body(path, answer.decision()));
    }

    private EdgeResponse deny(AuthPath path, EdgeRequest request, String username, String reason, long started) {
        Decision decision = Decision.deny(Cause.MALFORMED_REQUEST, reason);
        log.record(record(path, request, null, username, new Answer(decision, CacheOutcome.NONE), started));
        return EdgeResponse.ok(bodies.body(path, decision));
    }

    /**
     * API Gateway hands a repeated header to the function as its values joined by commas (and the
     * local server does the same); a media type never contains a comma outside a quoted parameter,
     * so a comma means two Content-Types, and which one counts is ambiguous: deny.
     */
    static boolean isRepeated(String contentType) {
        return contentType != null && contentType.indexOf(',') >= 0;
    }

    static boolean isForm(String contentType) {
        if (contentType == null || isRepeated(contentType)) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return mediaType.toLowerCase(Locale.ROOT).equals(FORM_TYPE);
    }

    private static DecisionRecord record(AuthPath path, EdgeRequest request, AuthRequest parsed, String username,
                                         Answer answer, long started) {
        long micros = (System.nanoTime() - started) / 1_000;
        return DecisionRecord.of(path.label(), request.method(), parsed, username, answer.decision(), micros,
                answer.cache());
    }
}
