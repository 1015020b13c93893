package dev.warren.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.password.PasswordHasher;
import dev.warren.policy.AccessPolicy;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.Decision;
import dev.warren.policy.PermissionRegex;
import dev.warren.store.InMemoryStore;
import dev.warren.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which refusals pay for a dummy slow verification (counted, not timed). */
class AuthenticatorTest {

    private final List<String> dummies = new ArrayList<>();
    private final InMemoryStore store = new InMemoryStore(Fixtures.definitions());
    private final Authenticator authenticator = new Authenticator(store, dummies::add, CredentialCache.disabled());

    private final AuthService service = new AuthService(store, authenticator, new AccessPolicy(new PermissionRegex()));

    /** Through the service, which refuses a disabled user before the authenticator is asked. */
    private Decision login(String user, String password) {
        return service.decide(new UserRequest(user, Optional.ofNullable(password)));
    }

    @Test
    void everyRefusedPasswordPaysTheSlowHashOnce() {
        assertThat(login("nobody", "x").allowed()).isFalse();
        assertThat(login("off", "test12").allowed()).isFalse();
        assertThat(login("nopass", "x").allowed()).isFalse();
        assertThat(login("admin", "").allowed()).isFalse();
        assertThat(login("admin", "wrong").allowed()).as("SHA-256 user, wrong password").isFalse();
        assertThat(dummies).hasSize(5);
    }

    @Test
    void successfulLoginsAndCertificateChecksPayNothingExtra() {
        assertThat(login("admin", "test12").allowed()).isTrue();
        assertThat(login("gateway", null).allowed()).isTrue();
        assertThat(login("admin", null).allowed()).as("no password, no dummy needed").isFalse();
        assertThat(dummies).isEmpty();
    }

    @Test
    void aWrongPasswordForAKdfHashIsAlreadySlow() {
        dev.warren.password.PasswordHash slow = new PasswordHasher(1_000).hash("right");
        Authenticator a = new Authenticator(user -> Optional.of(slow), dummies::add, CredentialCache.disabled());
        assertThat(a.authenticate(store.findUser("app"), new UserRequest("app", Optional.of("wrong"))).allowed())
                .isFalse();
        assertThat(a.authenticate(store.findUser("app"), new UserRequest("app", Optional.of("right"))).allowed())
                .isTrue();
        assertThat(dummies).isEmpty();
    }
}
