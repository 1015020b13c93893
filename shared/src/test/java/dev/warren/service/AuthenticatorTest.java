package dev.warren.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.password.PasswordHash;
import dev.warren.password.PasswordHasher;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.Cause;
import dev.warren.policy.Decision;
import dev.warren.store.InMemoryStore;
import dev.warren.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Which logins pay for a slow verification, and which are refused without one (counted, not timed). */
class AuthenticatorTest {

    private static final PasswordHasher FAST = new PasswordHasher(1_000);

    private final AtomicLong now = new AtomicLong();
    private final List<PasswordHash> verified = new ArrayList<>();
    private final List<PasswordHash> dummies = new ArrayList<>();
    private boolean overloaded;
    private final PasswordVerifier counting = (password, hash) -> {
        if (overloaded) {
            return PasswordVerifier.Outcome.OVERLOADED;
        }
        verified.add(hash);
        return PasswordVerifier.INLINE.verify(password, hash);
    };
    private final InMemoryStore store = new InMemoryStore(Fixtures.definitions());

    private Authenticator authenticator(dev.warren.store.PasswordHashStore hashes, RefusalCache refused,
                                        LoginThrottle throttle) {
        return new Authenticator(hashes, () -> {
            PasswordHash dummy = FAST.hash("dummy");
            dummies.add(dummy);
            return dummy;
        }, new LoginDefences(counting, CredentialCache.disabled(), refused, throttle));
    }

    private final Authenticator plain = authenticator(store, RefusalCache.disabled(), LoginThrottle.NONE);

    private Decision login(Authenticator a, String user, String password) {
        return a.authenticate(store.findUser(user), new UserRequest(user, Optional.ofNullable(password)));
    }

    private long dummyRuns() {
        return verified.stream().filter(dummies::contains).count();
    }

    @Test
    void everyRefusedPasswordPaysTheSlowHashOnce() {
        assertThat(login(plain, "nobody", "x").cause()).isEqualTo(Cause.UNKNOWN_USER);
        assertThat(plain.refuse(new UserRequest("off", Optional.of("test12")), Cause.DISABLED, "disabled").cause())
                .isEqualTo(Cause.DISABLED);
        assertThat(login(plain, "nopass", "x").cause()).isEqualTo(Cause.NO_PASSWORD_HASH);
        assertThat(login(plain, "admin", "").cause()).isEqualTo(Cause.EMPTY_PASSWORD);
        assertThat(login(plain, "admin", "wrong").cause()).as("SHA-256 user, wrong password")
                .isEqualTo(Cause.WRONG_PASSWORD);
        assertThat(dummyRuns()).isEqualTo(5);
        assertThat(verified).hasSize(5);
    }

    @Test
    void successfulLoginsAndCertificateChecksPayNothingExtra() {
        assertThat(login(plain, "admin", "test12").allowed()).isTrue();
        assertThat(login(plain, "gateway", null).allowed()).isTrue();
        assertThat(login(plain, "admin", null).allowed()).as("no password, no dummy needed").isFalse();
        assertThat(login(plain, "nobody", null).cause()).isEqualTo(Cause.UNKNOWN_USER);
        assertThat(verified).isEmpty();
    }

    @Test
    void aWrongPasswordForAKdfHashIsVerifiedOnceOnTheVerifierAndNoDummyIsAdded() {
        PasswordHash slow = FAST.hash("right");
        Authenticator a = authenticator(user -> Optional.of(slow), RefusalCache.disabled(), LoginThrottle.NONE);
        assertThat(login(a, "app", "wrong").cause()).isEqualTo(Cause.WRONG_PASSWORD);
        assertThat(login(a, "app", "right").allowed()).isTrue();
        assertThat(verified).containsExactly(slow, slow);
        assertThat(dummyRuns()).isZero();
    }

    @Test
    void aRecentlyRefusedPairIsRefusedAgainWithoutVerificationForUnknownAndKnownUsersAlike() {
        PasswordHash slow = FAST.hash("right");
        RefusalCache refusals = new RefusalCache(Duration.ofSeconds(30), 100, now::get);
        Authenticator a = authenticator(user -> Optional.of(slow), refusals, LoginThrottle.NONE);
        login(a, "app", "stale");
        login(a, "nobody", "stale");
        assertThat(verified).hasSize(2);
        Decision again = login(a, "app", "stale");
        assertThat(again.cause()).isEqualTo(Cause.WRONG_PASSWORD);
        assertThat(again.reason()).contains("not verified again");
        assertThat(login(a, "nobody", "stale").cause()).isEqualTo(Cause.UNKNOWN_USER);
        assertThat(verified).as("no verification for the repeats").hasSize(2);
        assertThat(login(a, "app", "right").allowed()).as("another password is verified").isTrue();
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        login(a, "app", "stale");
        assertThat(verified).as("verified again once the refusal expired").hasSize(4);
    }

    @Test
    void aNewPasswordIsNeverRefusedByAnOldRefusal() {
        RefusalCache refusals = new RefusalCache(Duration.ofSeconds(30), 100, now::get);
        PasswordHash[] current = {FAST.hash("old")};
        Authenticator a = authenticator(user -> Optional.of(current[0]), refusals, LoginThrottle.NONE);
        assertThat(login(a, "app", "new").allowed()).isFalse();
        current[0] = FAST.hash("new");
        assertThat(login(a, "app", "new").allowed()).isTrue();
        assertThat(login(a, "nobody", "pw").allowed()).isFalse();
        assertThat(login(a, "nobody", "pw").reason()).contains("not verified again");
    }

    @Test
    void anOverloadedVerifierRefusesAtOnceAndNothingIsRemembered() {
        RefusalCache refusals = new RefusalCache(Duration.ofSeconds(30), 100, now::get);
        LocalLoginThrottle throttle = new LocalLoginThrottle(1, Duration.ofSeconds(60), 100, now::get);
        PasswordHash slow = FAST.hash("right");
        Authenticator a = authenticator(user -> Optional.of(slow), refusals, throttle);
        overloaded = true;
        assertThat(login(a, "app", "wrong").cause()).isEqualTo(Cause.OVERLOADED);
        assertThat(login(a, "nobody", "x").cause()).isEqualTo(Cause.OVERLOADED);
        assertThat(login(a, "app", "right").cause()).isEqualTo(Cause.OVERLOADED);
        overloaded = false;
        assertThat(login(a, "app", "right").allowed()).as("not throttled, not remembered").isTrue();
        assertThat(login(a, "app", "wrong").cause()).isEqualTo(Cause.WRONG_PASSWORD);
    }

    @Test
    void theThrottleRefusesExistingAndUnknownNamesAlikeWithoutVerificationUntilTheWindowPasses() {
        LocalLoginThrottle throttle = new LocalLoginThrottle(3, Duration.ofSeconds(60), 100, now::get);
        PasswordHash slow = FAST.hash("right");
        Authenticator a = authenticator(user -> Optional.of(slow), RefusalCache.disabled(), throttle);
        for (String pw : List.of("a", "b", "c")) {
            assertThat(login(a, "app", pw).cause()).isEqualTo(Cause.WRONG_PASSWORD);
            assertThat(login(a, "nobody", pw).cause()).isEqualTo(Cause.UNKNOWN_USER);
        }
        int before = verified.size();
        assertThat(login(a, "app", "right").cause()).as("even the right password").isEqualTo(Cause.LOGIN_THROTTLED);
        assertThat(login(a, "nobody", "d").cause()).isEqualTo(Cause.LOGIN_THROTTLED);
        assertThat(verified).hasSize(before);
        assertThat(login(a, "admin", "right").allowed()).as("other names are not affected").isTrue();
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(login(a, "app", "right").allowed()).isTrue();
    }

    @Test
    void reseedMakesANewDummyAndForgetsRefusals() {
        RefusalCache refusals = new RefusalCache(Duration.ofSeconds(30), 100, now::get);
        dummies.clear();
        Authenticator a = authenticator(store, refusals, LoginThrottle.NONE);
        login(a, "nobody", "x");
        a.reseed();
        login(a, "nobody", "x");
        assertThat(dummies).hasSize(2);
        assertThat(verified).containsExactly(dummies.get(0), dummies.get(1));
    }

    @Test
    void overlappingCopiesOfOneLoginPayOneVerificationPerNameWhetherTheNameExistsOrNot() throws Exception {
        PasswordHash slow = FAST.hash("right");
        try (HeldVerifier held = HeldVerifier.checking()) {
            Authenticator a = new Authenticator(user -> Optional.of(slow), () -> FAST.hash("dummy"),
                    new LoginDefences(held, CredentialCache.disabled(), RefusalCache.disabled(), LoginThrottle.NONE));
            List<java.util.concurrent.Callable<Decision>> logins = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                logins.add(() -> login(a, "app", "stale"));
                logins.add(() -> a.authenticate(Optional.empty(), new UserRequest("ghost", Optional.of("stale"))));
            }
            List<Decision> decisions = held.overlappingResults(logins);
            assertThat(decisions).extracting(Decision::cause)
                    .containsOnly(Cause.WRONG_PASSWORD, Cause.UNKNOWN_USER).contains(Cause.UNKNOWN_USER);
            assertThat(held.runs()).as("one for 'app' (its hash), one for 'ghost' (the dummy)").isEqualTo(2);
        }
    }
}
