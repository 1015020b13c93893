package dev.warren.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict framing (docs/protocol.md §2, docs/semantics.md): every ambiguous request of issue #10 gets the answer listed there. */
class AuthServerFramingTest {

    private static final String FORM = "Content-Type: application/x-www-form-urlencoded\r\n";
    private static final String LOGIN = "username=admin&password=admin-secret";
    private static final String CHUNKED_LOGIN = "24\r\n" + LOGIN + "\r\n0\r\n\r\n";

    private static AuthServer server;

    @BeforeAll
    static void start() {
        server = SampleEdge.start(HttpLimits.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String post(String headers, String body) throws Exception {
        return SampleEdge.raw(server, "POST /auth/user HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + headers + "\r\n" + body);
    }

    private static String lengthOf(String body) {
        return "Content-Length: " + body.length() + "\r\n";
    }

    @Test
    void theWellFramedRequestsAllow() throws Exception {
        assertThat(post(FORM + lengthOf(LOGIN), LOGIN)).startsWith("HTTP/1.1 200 ").endsWith("allow administrator");
        assertThat(post(FORM + "Transfer-Encoding: chunked\r\n", CHUNKED_LOGIN)).endsWith("allow administrator");
        assertThat(post(FORM + "Transfer-Encoding: Chunked\r\n", CHUNKED_LOGIN)).endsWith("allow administrator");
        assertThat(SampleEdge.raw(server, "GET /auth/vhost?username=app&vhost=orders HTTP/1.0\r\n\r\n"))
                .as("HTTP/1.0 needs no Host").startsWith("HTTP/1.0 200 ").endsWith("allow");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Type: text/plain\r\n",
        "Content-Type: text/plain\r\nContent-Type: application/x-www-form-urlencoded\r\n",
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Type: application/x-www-form-urlencoded\r\n",
        "Content-Type: application/x-www-form-urlencoded,text/plain\r\n"})
    void repeatedContentTypeIsDenyAsFromTheFunctions(String contentTypes) throws Exception {
        assertThat(post(contentTypes + lengthOf(LOGIN), LOGIN)).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\ndeny");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Transfer-Encoding: xchunked\r\n", "Transfer-Encoding: gzip, chunked\r\n",
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n", "Transfer-Encoding: chunked, identity\r\n",
        "Transfer-Encoding: identity\r\n", "Transfer-Encoding: chunked,\r\n", "Transfer-Encoding:\r\n",
        "Transfer-Encoding: chunked\r\nContent-Length: 45\r\n"})
    void transferEncodingOtherThanOneChunkedIs400(String encodings) throws Exception {
        assertThat(post(FORM + encodings, CHUNKED_LOGIN)).startsWith("HTTP/1.1 400 ").contains("Connection: close");
    }

    @Test
    void transferEncodingOnHttp10Is400() throws Exception {
        assertThat(SampleEdge.raw(server, "POST /auth/user HTTP/1.0\r\n" + FORM + "Transfer-Encoding: chunked\r\n\r\n"
                + CHUNKED_LOGIN)).startsWith("HTTP/1.1 400 ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-A: a\rb\r\n", "X-A: a\u0000b\r\n", "X-A: a\u0001\r\n", "X-A: a\u007f\r\n",
        "X-A: a\u001fb\r\n", "X\u0000A: b\r\n", "X-A : b\r\n", " X-A: b\r\n", "X-A: b\r\n folded\r\n",
        "X A: b\r\n", ": b\r\n", "X-\u00e4: b\r\n", "X-A\u0001: b\r\n", "no colon\r\n"})
    void controlCharactersAndMalformedNamesAre400(String header) throws Exception {
        assertThat(post(FORM + header + lengthOf(LOGIN), LOGIN)).startsWith("HTTP/1.1 400 ");
    }

    @Test
    void tabsAndNonAsciiBytesInValuesAreFine() throws Exception {
        assertThat(post(FORM + "X-A: \ta\tb \u00e9\r\n" + lengthOf(LOGIN), LOGIN)).endsWith("allow administrator");
    }

    @Test
    void hostIsRequiredOnceOnHttp11() throws Exception {
        assertThat(SampleEdge.raw(server, "GET /auth/vhost?username=app&vhost=orders HTTP/1.1\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ");
        assertThat(post("Host: y\r\n", "")).startsWith("HTTP/1.1 400 ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /auth/user HTTP/2.0", "GET /auth/user HTTP/1.1 x", "GET  /auth/user HTTP/1.1",
        "GET /auth/\u0001user HTTP/1.1", "G(T /auth/user HTTP/1.1", "GET /auth/user http/1.1"})
    void malformedRequestLinesAre400(String requestLine) throws Exception {
        assertThat(SampleEdge.raw(server, requestLine + "\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    }

    @Test
    void continueOnlyAfterRoutingAndOnlyToHttp11() throws Exception {
        String expect = FORM + "Expect: 100-continue\r\n" + lengthOf(LOGIN);
        assertThat(post(expect, LOGIN)).startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 ")
                .endsWith("allow administrator");
        assertThat(SampleEdge.raw(server, "POST /auth/userx HTTP/1.1\r\nHost: x\r\n" + expect + "\r\n"))
                .startsWith("HTTP/1.1 404 ").doesNotContain("100 Continue").contains("Connection: close");
        assertThat(SampleEdge.raw(server, "PUT /auth/user HTTP/1.1\r\nHost: x\r\n" + expect + "\r\n"))
                .startsWith("HTTP/1.1 405 ").doesNotContain("100 Continue");
        assertThat(SampleEdge.raw(server, "POST /auth/user HTTP/1.0\r\n" + expect + "\r\n" + LOGIN))
                .startsWith("HTTP/1.0 200 ").doesNotContain("100 Continue").endsWith("allow administrator");
    }

    @Test
    void everyHeaderTooLargeIs431() throws Exception {
        HttpLimits limits = HttpLimits.DEFAULTS;
        assertThat(post("X-Long: " + "a".repeat(limits.maxHeaderLineBytes()) + "\r\n", ""))
                .startsWith("HTTP/1.1 431 ");
        assertThat(post("X-A: b\r\n".repeat(limits.maxHeaderCount()), "")).startsWith("HTTP/1.1 431 ");
        String kilobyte = "X-K: " + "k".repeat(1_000) + "\r\n";
        assertThat(post(kilobyte.repeat(limits.maxHeadBytes() / 1_000 + 1), "")).startsWith("HTTP/1.1 431 ");
        assertThat(post(FORM + "Transfer-Encoding: chunked\r\n", "24\r\n" + LOGIN + "\r\n0\r\n"
                + "X-T: t\r\n".repeat(limits.maxHeaderCount() + 1) + "\r\n")).as("trailers count like headers")
                .startsWith("HTTP/1.1 431 ");
        assertThat(SampleEdge.raw(server, "GET /auth/user?" + "a".repeat(limits.maxRequestLineBytes())
                + " HTTP/1.1\r\nHost: x\r\n\r\n")).as("the request line is 414").startsWith("HTTP/1.1 414 ");
    }
}
