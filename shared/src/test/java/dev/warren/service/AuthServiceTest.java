package dev.warren.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.policy.AuthRequest;
import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.AuthRequest.VhostRequest;
import dev.warren.policy.Decision;
import dev.warren.policy.Permission;
import dev.warren.policy.ResourceKind;
import dev.warren.store.PasswordHashStore;
import dev.warren.store.PolicyStore;
import dev.warren.store.StoreException;
import dev.warren.testing.Fixtures;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthServiceTest {

    private final AuthService service = Fixtures.service();

    private Decision login(String user, String password) {
        return service.decide(new UserRequest(user, Optional.ofNullable(password)));
    }

    @Test
    void loginAnswersWithTagsInStoredOrder() {
        assertThat(login("admin", "test12").body()).isEqualTo("allow administrator monitoring");
        assertThat(login("app", "app-secret").body()).isEqualTo("allow");
        assertThat(login("josé", "pässwörd ✓").body()).isEqualTo("allow mqtt");
    }

    @Test
    void wrongPasswordAndUnknownUserDeny() {
        assertThat(login("admin", "test13").cause()).isEqualTo(dev.warren.policy.Cause.WRONG_PASSWORD);
        assertThat(login("nobody", "test12").cause()).isEqualTo(dev.warren.policy.Cause.UNKNOWN_USER);
    }

    @Test
    void usernamesAreCaseSensitiveAndExact() {
        assertThat(login("Admin", "test12").allowed()).isFalse();
        assertThat(login("admin ", "test12").allowed()).isFalse();
        assertThat(login("jose", "pässwörd ✓").allowed()).as("no Unicode folding").isFalse();
        assertThat(login("jose\u0301", "pässwörd ✓").allowed()).as("no normalisation").isFalse();
    }

    @Test
    void emptyPasswordNeverMatches() {
        assertThat(login("admin", "").allowed()).isFalse();
        assertThat(login("nopass", "").allowed()).isFalse();
    }

    @Test
    void passwordlessUserCannotLogInWithAPassword() {
        assertThat(login("nopass", "anything").cause()).isEqualTo(dev.warren.policy.Cause.NO_PASSWORD_HASH);
        assertThat(login("gateway", "anything").allowed()).isFalse();
    }

    @Test
    void missingPasswordOnlyForCertificateUsers() {
        assertThat(login("gateway", null).body()).isEqualTo("allow device");
        assertThat(login("nopass", null).allowed()).isFalse();
        assertThat(login("admin", null).allowed()).isFalse();
        assertThat(login("nobody", null).allowed()).isFalse();
    }

    @Test
    void disabledUserIsRefused() {
        assertThat(login("off", "test12").cause()).isEqualTo(dev.warren.policy.Cause.DISABLED);
        assertThat(service.decide(new UserRequest("off", Optional.empty())).cause())
                .as("a certificate (password-less) login too").isEqualTo(dev.warren.policy.Cause.DISABLED);
        assertThat(service.decide(new VhostRequest("off", "/")).cause()).isEqualTo(dev.warren.policy.Cause.DISABLED);
        assertThat(service.decide(new ResourceRequest("off", "/", ResourceKind.QUEUE, "q", Permission.READ)).cause())
                .isEqualTo(dev.warren.policy.Cause.DISABLED);
        assertThat(service.decide(new dev.warren.policy.AuthRequest.TopicRequest("off", "/", "x", Permission.READ, "k",
                java.util.Map.of())).cause()).isEqualTo(dev.warren.policy.Cause.DISABLED);
    }

    @Test
    void unknownUserIsDeniedOnEveryPathTopicIncluded() {
        assertThat(service.decide(new VhostRequest("nobody", "/")).reason()).isEqualTo("unknown user 'nobody'");
        assertThat(service.decide(new ResourceRequest("nobody", "/", ResourceKind.QUEUE, "q", Permission.READ))
                .allowed()).isFalse();
        assertThat(service.decide(new TopicRequest("nobody", "/", "amq.topic", Permission.WRITE, "k", Map.of()))
                .allowed()).isFalse();
    }

    @Test
    void topicExpansionUsesTheVariableMap() {
        Map<String, String> vars = Map.of("username", "app", "vhost", "/");
        assertThat(service.decide(new TopicRequest("app", "/", "amq.topic", Permission.WRITE, "app./.x", vars))
                .allowed()).isTrue();
        assertThat(service.decide(new TopicRequest("app", "/", "amq.topic", Permission.READ, "app./.x", vars))
                .allowed()).isFalse();
        assertThat(service.decide(new TopicRequest("app", "/", "other", Permission.READ, "x", vars))
                .allowed()).isTrue();
    }

    @Test
    void nonAsciiVhostAndNamesAndRegexes() {
        assertThat(service.decide(new VhostRequest("josé", "ünï code")).allowed()).isTrue();
        assertThat(service.decide(new ResourceRequest("josé", "ünï code", ResourceKind.EXCHANGE, "café",
                Permission.WRITE)).allowed()).isTrue();
        assertThat(service.decide(new ResourceRequest("josé", "ünï code", ResourceKind.QUEUE, "cafe",
                Permission.WRITE)).allowed()).isFalse();
        assertThat(service.decide(new ResourceRequest("josé", "ünï code", ResourceKind.QUEUE, "x",
                Permission.READ)).reason()).contains("does not compile");
        assertThat(service.decide(new ResourceRequest("josé", "ünï code", ResourceKind.QUEUE,
                "a".repeat(40) + "b", Permission.CONFIGURE)).reason()).contains("exceeded the evaluation budget");
    }

    @Test
    void valuesOverTheirLimitAreRefusedBeforeAnyLookup() {
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        PolicyStore counting = username -> {
            lookups.incrementAndGet();
            return Optional.ofNullable(Fixtures.definitions().policies().get(username));
        };
        AuthService limited = AuthServices.over(counting, user -> Optional.empty(),
                new dev.warren.password.PasswordHasher(1_000));
        String tooLong = "x".repeat(dev.warren.policy.ValueLimits.USERNAME + 1);
        for (AuthRequest r : new AuthRequest[] {new UserRequest(tooLong, Optional.of("p")),
                new VhostRequest(tooLong, "/"), new VhostRequest("app", "v".repeat(256)),
                new TopicRequest("app", "/", "amq.topic", Permission.READ, "k", Map.of("vhost", "v".repeat(256)))}) {
            assertThat(limited.decide(r).cause()).isEqualTo(dev.warren.policy.Cause.VALUE_TOO_LONG);
        }
        assertThat(lookups).hasValue(0);
    }

    @Test
    void storeFailureIsADenyWithTheReason() {
        PolicyStore broken = username -> {
            throw new StoreException("DynamoDB timed out");
        };
        PasswordHashStore none = user -> Optional.empty();
        AuthService failing = AuthServices.over(broken, none, new dev.warren.password.PasswordHasher(1_000));
        for (AuthRequest r : new AuthRequest[] {new UserRequest("app", Optional.of("app-secret")),
                new VhostRequest("app", "/"),
                new TopicRequest("app", "/", "x", Permission.READ, "k", Map.of())}) {
            Decision d = failing.decide(r);
            assertThat(d.allowed()).isFalse();
            assertThat(d.reason()).contains("DynamoDB timed out");
            assertThat(d.cause()).isEqualTo(dev.warren.policy.Cause.STORE_ERROR);
            assertThat(d.isError()).isTrue();
        }
    }

    @Test
    void hashStoreFailureIsADeny() {
        PasswordHashStore broken = user -> {
            throw new StoreException("secret is not valid JSON");
        };
        AuthService failing = AuthServices.over(u -> Optional.ofNullable(Fixtures.definitions().policies().get(u)),
                broken, new dev.warren.password.PasswordHasher(1_000));
        Decision d = failing.decide(new UserRequest("app", Optional.of("app-secret")));
        assertThat(d.reason()).contains("secret is not valid JSON");
        assertThat(d.cause()).isEqualTo(dev.warren.policy.Cause.STORE_ERROR);
    }
}
