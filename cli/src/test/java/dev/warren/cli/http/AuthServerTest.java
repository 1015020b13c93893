package dev.warren.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local server over real sockets, with the sample definitions. */
class AuthServerTest {

    private static AuthServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        server = SampleEdge.start(HttpLimits.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String raw(String request) throws Exception {
        return SampleEdge.raw(server, request);
    }

    @Test
    void sampleUsersOverHttp() throws Exception {
        HttpResponse<String> admin = post("/auth/user", "username=admin&password=admin-secret");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).isEqualTo("allow administrator");
        assertThat(admin.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(post("/auth/user", "username=app&password=app-secret").body()).isEqualTo("allow");
        assertThat(post("/auth/user", "username=app&password=nope").body()).isEqualTo("deny");
        HttpResponse<String> get = CLIENT.send(HttpRequest.newBuilder(URI.create(server.url()
                + "/auth/resource?username=app&vhost=%2F&resource=exchange&name=amq.default&permission=write")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.body()).isEqualTo("allow");
    }

    @Test
    void rawTargetsReachTheEdgeUntouched() throws Exception {
        assertThat(raw("GET /auth/user?username=admin&password=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\ndeny");
        assertThat(raw("GET ///auth/user?username=admin&password=admin-secret HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 404 ");
        assertThat(raw("GET /auth/%75ser?username=admin&password=admin-secret HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 404 ");
        assertThat(raw("GET /auth/user?username=jos\u00c3\u00a9&password=x HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n")).endsWith("deny");
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        String one = "POST /auth/user HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 36\r\n\r\nusername=admin&password=admin-secret";
        String last = "GET /auth/vhost?username=app&vhost=orders HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        String answer = raw(one + one + last);
        assertThat(answer.split("HTTP/1.1 200 OK", -1)).hasSize(4);
        assertThat(answer).endsWith("allow");
    }

    @Test
    void chunkedBodiesAndExpectContinue() throws Exception {
        String chunked = "POST /auth/user HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "e\r\nusername=admin\r\n16\r\n&password=admin-secret\r\n0\r\n\r\n";
        assertThat(raw(chunked)).endsWith("allow administrator");
        String expect = "POST /auth/user HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Expect: 100-continue\r\nContent-Length: 36\r\nConnection: close\r\n\r\n"
                + "username=admin&password=admin-secret";
        assertThat(raw(expect)).startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 ").endsWith("allow administrator");
    }

    @Test
    void oversizedBodyIs413AndGarbageIs400NeverA5xx() throws Exception {
        assertThat(raw("POST /auth/user HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 200000\r\n\r\n")).startsWith("HTTP/1.1 413 ");
        assertThat(raw("NONSENSE\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        assertThat(raw("GET /auth/user HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ");
        assertThat(raw("HEAD /auth/user HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 405 ").endsWith("\r\n\r\n");
    }

    @Test
    void aSlowClientDoesNotDelayOthers() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket s = new Socket("127.0.0.1", server.address().getPort());
                OutputStream out = s.getOutputStream();
                out.write("POST /auth/user HTTP/1.1\r\nContent-Length: 50\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(s);
            }
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + "/auth/user"))
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=app&password=app-secret")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> a : answers) {
                assertThat(a.get().body()).isEqualTo("allow");
            }
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void responseLeavesInOneSegmentWithoutTrailingNewline() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.address().getPort())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(("GET /auth/vhost?username=app&vhost=orders HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[4096];
            int n = in.read(buffer);
            String first = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
            // headers and body arrive together: the first read already holds the whole response
            assertThat(first).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 5\r\n").endsWith("\r\n\r\nallow");
        }
    }
}
