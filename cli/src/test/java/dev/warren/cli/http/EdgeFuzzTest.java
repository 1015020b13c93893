package dev.warren.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.warren.functions.HttpApiEvent;
import dev.warren.functions.LocalContext;
import dev.warren.functions.ResourceCheck;
import dev.warren.functions.TopicCheck;
import dev.warren.functions.UserCheck;
import dev.warren.functions.VhostCheck;
import dev.warren.protocol.HttpEdge;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A property test of the HTTP edge (docs/protocol.md §2) over both ways in: the local server over raw
 * sockets and the Lambda handlers over the API Gateway events the same requests would become.
 * Invariants: never a 5xx; every request gets exactly the status the rules demand (decisions 200,
 * unknown paths 404, other methods 405, ambiguous framing or control characters 400, oversized
 * heads 431, oversized bodies 413); every 200 is {@code allow}, {@code allow tags} or
 * {@code deny} as plain text, and {@code deny} where the rules demand it; the server and the
 * functions give the same answer to every request API Gateway would pass on.
 *
 * <p>Deterministic: a fixed seed (override with {@code -Dwarren.fuzz.seed=N}, more requests with
 * {@code -Dwarren.fuzz.count=N}); a failure names the seed and the request.
 */
class EdgeFuzzTest {

    private static final Pattern DECISION = Pattern.compile("allow( [a-z0-9_]+)*|deny");
    private static HttpEdge edge;
    private static AuthServer server;

    @BeforeAll
    static void start() throws IOException {
        edge = SampleEdge.create();
        server = AuthServer.start(new InetSocketAddress("127.0.0.1", 0), edge, HttpLimits.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theLocalServerAndTheFunctionsFollowTheEdgeRules() throws Exception {
        long seed = Long.getLong("warren.fuzz.seed", 20_261_203L);
        int count = Integer.getInteger("warren.fuzz.count", 1_500);
        FuzzGenerator generator = new FuzzGenerator(new Random(seed));
        Map<String, Integer> seen = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            FuzzRequest request = generator.next();
            String where = "seed " + seed + ", request " + i + ": " + request.description();
            Reply served = serve(request);
            assertThat(served.status()).as("status from serve, %s", where).isEqualTo(request.expected());
            check(served, request, where + " (serve)");
            if (request.reachesFunctions()) {
                Reply function = invoke(request);
                check(function, request, where + " (function)");
                assertThat(function).as("the function answers as serve, %s", where).isEqualTo(served);
            }
            seen.merge(served.status() + (served.status() == 200 ? " " + served.body().split(" ")[0] : ""), 1,
                    Integer::sum);
        }
        assertThat(seen).as("every outcome was exercised").containsKeys("200 allow", "200 deny", "400", "404", "405",
                "413", "431");
    }

    private static void check(Reply reply, FuzzRequest request, String where) {
        assertThat(reply.status()).as("never a 5xx, %s", where).isLessThan(500);
        if (reply.status() == 200) {
            assertThat(reply.body()).as("a decision, %s", where).matches(DECISION);
            assertThat(reply.contentType()).as("plain text, %s", where).startsWith("text/plain");
            if (request.mustDeny()) {
                assertThat(reply.body()).as("the rules demand deny, %s", where).isEqualTo("deny");
            }
        }
    }

    /** Status, body and content type: what the broker sees. */
    record Reply(int status, String body, String contentType) {
    }

    private static Reply serve(FuzzRequest request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.address().getPort())) {
            s.setSoTimeout(30_000);
            try {
                s.getOutputStream().write(request.wire());
            } catch (IOException e) {
                // the server answered (e.g. 431) and closed before the whole request was written
            }
            String response = FloodClients.readAll(s.getInputStream());
            int headEnd = response.indexOf("\r\n\r\n");
            assertThat(headEnd).as("a whole response to %s", request.description()).isPositive();
            String head = response.substring(0, headEnd);
            String contentType = null;
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) {
                    contentType = line.substring(13).strip();
                }
            }
            String body = new String(response.substring(headEnd + 4).getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8);
            return new Reply(Integer.parseInt(head.substring(9, 12)), body, contentType);
        }
    }

    private static Reply invoke(FuzzRequest request) {
        HttpApiEvent event = request.event();
        RequestHandler<HttpApiEvent, APIGatewayV2HTTPResponse> handler = switch (event.getRawPath()) {
            case "/auth/vhost" -> new VhostCheck(edge);
            case "/auth/resource" -> new ResourceCheck(edge);
            case "/auth/topic" -> new TopicCheck(edge);
            default -> new UserCheck(edge);
        };
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new LocalContext("fuzz"));
        String contentType = response.getHeaders() == null ? null : response.getHeaders().get("Content-Type");
        return new Reply(response.getStatusCode(), response.getBody(), contentType);
    }
}
