package dev.warren.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpEdgeTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private final List<DecisionRecord> logged = new ArrayList<>();
    private final HttpEdge edge = new HttpEdge(Fixtures.service(), logged::add);

    private EdgeResponse get(String path, String query) {
        return edge.handle(new EdgeRequest("GET", path, query == null ? null : query.getBytes(StandardCharsets.UTF_8),
                null, new byte[0]));
    }

    private EdgeResponse post(String path, String contentType, String body) {
        return edge.handle(new EdgeRequest("POST", path, null, contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void getReadsTheQueryAndPostTheBody() {
        assertThat(get("/auth/user", "username=admin&password=test12").body())
                .isEqualTo("allow administrator monitoring");
        assertThat(post("/auth/user", FORM, "username=admin&password=test12").body())
                .isEqualTo("allow administrator monitoring");
    }

    @Test
    void answersArePlainTextWithoutNewline() {
        EdgeResponse r = get("/auth/vhost", "username=app&vhost=%2F");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("allow");
        assertThat(r.headers().get("Content-Type")).startsWith("text/plain");
    }

    @Test
    void postIgnoresTheQueryAndGetIgnoresTheBody() {
        EdgeResponse postWithQuery = edge.handle(new EdgeRequest("POST", "/auth/user",
                "username=admin&password=test12".getBytes(StandardCharsets.UTF_8), FORM, new byte[0]));
        assertThat(postWithQuery.body()).isEqualTo("deny");
        EdgeResponse getWithBody = edge.handle(new EdgeRequest("GET", "/auth/user", null, FORM,
                "username=admin&password=test12".getBytes(StandardCharsets.UTF_8)));
        assertThat(getWithBody.body()).isEqualTo("deny");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/json", "multipart/form-data", "application/x-www-form-urlencodedx"})
    void postNeedsTheFormContentType(String contentType) {
        assertThat(post("/auth/user", contentType, "username=admin&password=test12").body()).isEqualTo("deny");
    }

    /** API Gateway joins a repeated header with commas; the local server passes repeats on the same way. */
    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded,text/plain", "text/plain,application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded,application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=utf-8, text/plain"})
    void repeatedContentTypeDenies(String joined) {
        EdgeResponse r = post("/auth/user", joined, "username=admin&password=test12");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("deny");
    }

    @Test
    void refusalRoutesBeforeAnyBodyIsRead() {
        assertThat(edge.refusal("POST", "/auth/topic")).isEmpty();
        assertThat(edge.refusal("GET", "/auth/vhost")).isEmpty();
        assertThat(edge.refusal("POST", "/auth/userx")).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(404));
        assertThat(edge.refusal("PUT", "/auth/user")).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(405));
    }

    @Test
    void postWithoutContentTypeDenies() {
        assertThat(post("/auth/user", null, "username=admin&password=test12").body()).isEqualTo("deny");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded; charset=UTF-8", "Application/X-WWW-Form-Urlencoded",
            "application/x-www-form-urlencoded;charset=utf-8"})
    void charsetParameterAndCaseAreFine(String contentType) {
        assertThat(post("/auth/user", contentType, "username=admin&password=test12").body())
                .startsWith("allow");
    }

    @Test
    void base64BodiesAsApiGatewaySendsThem() {
        String encoded = Base64.getEncoder().encodeToString("username=admin&password=test12".getBytes());
        EdgeResponse r = edge.handle(new EdgeRequest("POST", "/auth/user", null, FORM,
                EdgeRequest.apiGatewayBody(encoded, true)));
        assertThat(r.body()).startsWith("allow");
        EdgeResponse broken = edge.handle(new EdgeRequest("POST", "/auth/user", null, FORM,
                EdgeRequest.apiGatewayBody("@@not base64@@", true)));
        assertThat(broken.status()).isEqualTo(200);
        assertThat(broken.body()).isEqualTo("deny");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/auth/userx", "/auth/user/", "/auth/USER", "//auth/user", "/auth//user", "/auth/%75ser",
            "/auth", "/", "", "/auth/user;x", "auth/user", "http://h/auth/user"})
    void onlyExactPathsAnswer(String path) {
        assertThat(get(path, "username=admin&password=test12").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "get", "Post"})
    void otherMethodsAre405(String method) {
        EdgeResponse r = edge.handle(new EdgeRequest(method, "/auth/user", null, FORM, new byte[0]));
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.headers()).containsEntry("Allow", "GET, POST");
    }

    @Test
    void malformedInputIsADenyNeverAnError() {
        for (String query : new String[] {"username=admin&password=%zz", "username=admin&password=test12%",
                "username=%C3&password=test12", "username=admin&username=admin&password=test12", "", "&&&", "=",
                "username", "password=test12"}) {
            EdgeResponse r = get("/auth/user", query);
            assertThat(r.status()).as(query).isEqualTo(200);
            assertThat(r.body()).as(query).isEqualTo("deny");
        }
        assertThat(get("/auth/user", null).body()).isEqualTo("deny");
    }

    @Test
    void nulInAPasswordIsNotTruncated() {
        assertThat(get("/auth/user", "username=admin&password=test12%00").body()).isEqualTo("deny");
        assertThat(get("/auth/user", "username=admin%00&password=test12").body()).isEqualTo("deny");
    }

    @Test
    void encodedSpecialCharactersInNames() {
        assertThat(get("/auth/resource", "username=josé&vhost=%C3%BCn%C3%AF+code&resource=queue&name=caf%C3%A9"
                + "&permission=write").body()).isEqualTo("allow");
        assertThat(get("/auth/resource", "username=jos%C3%A9&vhost=%C3%BCn%C3%AF%20code&resource=queue"
                + "&name=%C3%A9&permission=write").body()).isEqualTo("allow");
        assertThat(get("/auth/vhost", "username=jos%C3%A9&vhost=%C3%BCn%C3%AF%2Bcode").body()).isEqualTo("deny");
    }

    @Test
    void reDoSProbeDeniesOnTheEvaluationBudget() {
        EdgeResponse r = get("/auth/resource", "username=jos%C3%A9&vhost=%C3%BCn%C3%AF+code&resource=queue&name="
                + "a".repeat(40) + "b&permission=configure");
        assertThat(r.body()).isEqualTo("deny");
        assertThat(logged.get(logged.size() - 1).cause()).isEqualTo(dev.warren.policy.Cause.REGEX_BUDGET_EXCEEDED);
    }

    @Test
    void oversizedBodyIs413() {
        byte[] big = new byte[HttpEdge.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThat(edge.handle(new EdgeRequest("POST", "/auth/user", null, FORM, big)).status()).isEqualTo(413);
    }

    @Test
    void everyDecisionIsLoggedOnceWithoutThePassword() {
        post("/auth/user", FORM, "username=admin&password=test12");
        get("/auth/user", "username=admin&password=wrong-secret-value");
        get("/auth/resource", "username=app&vhost=%2F&resource=queue&name=orders&permission=configure");
        assertThat(logged).hasSize(3);
        assertThat(logged.get(0).result()).isEqualTo("allow");
        assertThat(logged.get(1).cause()).isEqualTo(dev.warren.policy.Cause.WRONG_PASSWORD);
        assertThat(logged.toString()).doesNotContain("test12").doesNotContain("wrong-secret-value");
        DecisionRecord resource = logged.get(2);
        assertThat(resource.path()).isEqualTo("resource");
        assertThat(resource.vhost()).isEqualTo("/");
        assertThat(resource.name()).isEqualTo("orders");
        assertThat(resource.permission()).isEqualTo("configure");
        assertThat(resource.reason()).startsWith("configure regex '^app\\.' does not match 'orders'");
    }

    @Test
    void logsWhetherThePolicyCameFromTheCache() {
        dev.warren.store.InMemoryStore store = new dev.warren.store.InMemoryStore(Fixtures.definitions());
        dev.warren.store.CachingPolicyStore cached = new dev.warren.store.CachingPolicyStore(store,
                new dev.warren.store.StoreCache<>("policy", java.time.Duration.ofMinutes(1), java.time.Duration.ofSeconds(1),
                        java.time.Duration.ofMinutes(5), 100));
        HttpEdge cachedEdge = new HttpEdge(dev.warren.service.AuthServices.over(cached, store,
                new dev.warren.password.PasswordHasher(1_000)), logged::add);
        EdgeRequest vhost = new EdgeRequest("GET", "/auth/vhost", "username=app&vhost=%2F".getBytes(), null,
                new byte[0]);
        cachedEdge.handle(vhost);
        cachedEdge.handle(vhost);
        edge.handle(vhost);
        assertThat(logged).extracting(DecisionRecord::cacheLabel).containsExactly("miss", "hit", null);
    }

    @Test
    void topicThroughTheEdge() {
        String base = "username=app&vhost=%2F&resource=topic&name=amq.topic&permission=write&variable_map.username=app"
                + "&variable_map.vhost=%2F&routing_key=";
        assertThat(get("/auth/topic", base + "app.%2F.created").body()).isEqualTo("allow");
        assertThat(get("/auth/topic", base + "bob.%2F.created").body()).isEqualTo("deny");
        assertThat(get("/auth/topic", "username=nobody&vhost=%2F&resource=topic&name=amq.topic&permission=write"
                + "&routing_key=x").body()).isEqualTo("deny");
    }
}
