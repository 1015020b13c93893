package dev.warren.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.password.PasswordHasher;
import dev.warren.policy.AuthPath;
import dev.warren.policy.Cause;
import dev.warren.policy.Decision;
import dev.warren.service.AuthServices;
import dev.warren.store.InMemoryStore;
import dev.warren.store.PolicyStore;
import dev.warren.store.StoreException;
import dev.warren.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code WARREN_DENY_REASONS}: off, refusals are exactly {@code deny}; on, {@code deny <reason>} from the cause alone. */
class DenyReasonsTest {

    private static final List<Cause> REFUSALS = Arrays.stream(Cause.values()).filter(c -> !c.allows()).toList();

    private final HttpEdge plain = new HttpEdge(Fixtures.service(), r -> { });
    private final HttpEdge reasons = new HttpEdge(Fixtures.service(), r -> { }, AnswerBody.withReasons());

    private static String get(HttpEdge edge, String path, String query) {
        return edge.handle(new EdgeRequest("GET", path, query.getBytes(StandardCharsets.UTF_8), null, new byte[0])).body();
    }

    @Test
    void offEveryRefusalIsExactlyDeny() {
        for (AuthPath path : AuthPath.values()) {
            for (Cause cause : REFUSALS) {
                assertThat(AnswerBody.bare().body(path, refusal(cause))).isEqualTo("deny");
            }
        }
    }

    @Test
    void onEveryReasonIsOneShortLowerCaseLineOfWords() {
        for (AuthPath path : AuthPath.values()) {
            for (Cause cause : REFUSALS) {
                String body = AnswerBody.withReasons().body(path, refusal(cause));
                assertThat(body).as(path + " " + cause).matches("deny [a-z]+( [a-z]+){0,9}").hasSizeLessThanOrEqualTo(60);
            }
        }
    }

    @Test
    void allowsAreTheSameEitherWay() {
        Decision tagged = Decision.allowWithTags(Cause.PASSWORD_VERIFIED, List.of("administrator", "monitoring"), "ok");
        assertThat(AnswerBody.withReasons().body(AuthPath.USER, tagged)).isEqualTo("allow administrator monitoring");
        assertThat(get(reasons, "/auth/vhost", "username=app&vhost=%2F")).isEqualTo("allow");
        assertThat(get(reasons, "/auth/user", "username=admin&password=test12"))
                .isEqualTo(get(plain, "/auth/user", "username=admin&password=test12"))
                .isEqualTo("allow administrator monitoring");
        assertThat(get(reasons, "/auth/topic", "username=app&vhost=%2F&resource=topic&name=other&permission=write"
                + "&routing_key=k")).isEqualTo("allow");
    }

    @Test
    void theUserPathNeverTellsWhetherAUserExists() {
        Set<String> bodies = Set.copyOf(List.of(
                get(reasons, "/auth/user", "username=ghost&password=x"),
                get(reasons, "/auth/user", "username=admin&password=wrong"),
                get(reasons, "/auth/user", "username=off&password=test12"),
                get(reasons, "/auth/user", "username=nopass&password=x"),
                get(reasons, "/auth/user", "username=admin"),
                get(reasons, "/auth/user", "username=ghost"),
                get(reasons, "/auth/user", "username=admin&password=")));
        assertThat(bodies).containsExactly("deny invalid credentials");
        Set<String> fromCauses = REFUSALS.stream()
                .filter(c -> c != Cause.MALFORMED_REQUEST && c != Cause.CALLER_NOT_AUTHENTICATED)
                .map(c -> AnswerBody.withReasons().body(AuthPath.USER, refusal(c))).collect(Collectors.toSet());
        assertThat(fromCauses).containsExactly("deny invalid credentials");
    }

    @Test
    void anUnknownOrDisabledUserReadsLikeOneWithoutPermissions() {
        assertThat(get(reasons, "/auth/vhost", "username=app&vhost=elsewhere")).isEqualTo("deny no permissions on vhost");
        assertThat(get(reasons, "/auth/vhost", "username=ghost&vhost=%2F")).isEqualTo("deny no permissions on vhost");
        assertThat(get(reasons, "/auth/vhost", "username=off&vhost=%2F")).isEqualTo("deny no permissions on vhost");
        assertThat(get(reasons, "/auth/resource", "username=ghost&vhost=%2F&resource=queue&name=q&permission=read"))
                .isEqualTo("deny no permissions on vhost");
        assertThat(get(plain, "/auth/vhost", "username=app&vhost=elsewhere")).isEqualTo("deny");
    }

    @Test
    void resourceAndTopicRefusalsSayWhatFailedWithoutEchoingValues() {
        String resource = get(reasons, "/auth/resource",
                "username=app&vhost=%2F&resource=queue&name=billing&permission=configure");
        assertThat(resource).isEqualTo("deny name does not match the permission");
        String topic = get(reasons, "/auth/topic", "username=app&vhost=%2F&resource=topic&name=amq.topic"
                + "&permission=write&variable_map.username=app&variable_map.vhost=%2F&routing_key=bob.x");
        assertThat(topic).isEqualTo("deny routing key does not match the topic permission");
        assertThat(get(reasons, "/auth/resource", "username=jos%C3%A9&vhost=%C3%BCn%C3%AF+code&resource=queue"
                + "&name=x&permission=read")).isEqualTo("deny permission pattern is invalid");
        assertThat(get(reasons, "/auth/resource", "username=app&vhost=%2F&resource=queue&permission=read"))
                .isEqualTo("deny malformed request");
        assertThat(get(reasons, "/auth/user", "username=app&username=x&password=p")).isEqualTo("deny malformed request");
    }

    @Test
    void aStoreErrorNeverShowsItsDetails() {
        PolicyStore failing = username -> {
            throw new StoreException("AccessDenied arn:aws:dynamodb:eu-west-1:123456789012:table/secret-table");
        };
        InMemoryStore hashes = new InMemoryStore(Fixtures.definitions());
        HttpEdge edge = new HttpEdge(AuthServices.over(failing, hashes, new PasswordHasher(1_000)), r -> { },
                AnswerBody.withReasons());
        assertThat(get(edge, "/auth/vhost", "username=app&vhost=%2F")).isEqualTo("deny permission store unavailable");
        assertThat(get(edge, "/auth/user", "username=app&password=x")).isEqualTo("deny invalid credentials");
    }

    private static Decision refusal(Cause cause) {
        return cause.kind() == Cause.Kind.ERROR ? Decision.error(cause, "detail") : Decision.deny(cause, "detail");
    }
}
