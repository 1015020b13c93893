package dev.warren.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.password.PasswordHash;
import dev.warren.password.PasswordHasher;
import dev.warren.service.PasswordVerifier.Outcome;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Logins that overlap share one verification; others do not (overlap arranged, no timing asserted). */
class InFlightVerificationsTest {

    private static final PasswordHash HASH = new PasswordHasher(1_000).hash("right");

    private HeldVerifier held = HeldVerifier.checking();
    private InFlightVerifications verifications = new InFlightVerifications(held);

    @AfterEach
    void stop() {
        held.close();
    }

    private List<Callable<Outcome>> logins(String password, String... usernames) {
        return Stream.of(usernames)
                .<Callable<Outcome>>map(u -> () -> verifications.verify(u, password, HASH)).toList();
    }

    @Test
    void theSameLoginAtOnceRunsOneVerificationAndAllShareItsOutcome() throws Exception {
        List<Outcome> outcomes = held.overlappingResults(logins("right", "app", "app", "app", "app", "app", "app"));
        assertThat(outcomes).hasSize(6).containsOnly(Outcome.MATCH);
        assertThat(held.runs()).isEqualTo(1);
        assertThat(verifications.running()).isZero();
    }

    @Test
    void differentNamesNeverShareSoTimingTellsNothingAboutWhichExist() throws Exception {
        List<Outcome> outcomes = held.overlappingResults(logins("guess", "alice", "bob", "carol", "alice"));
        assertThat(outcomes).containsOnly(Outcome.NO_MATCH);
        assertThat(held.runs()).isEqualTo(3);
    }

    @Test
    void nothingIsRememberedOnceTheVerificationEnds() {
        held.release();
        verifications.verify("app", "wrong", HASH);
        verifications.verify("app", "wrong", HASH);
        assertThat(held.runs()).isEqualTo(2);
        assertThat(verifications.running()).isZero();
    }

    @Test
    void aFailureReachesEveryoneWaitingAndIsNotKept() throws Exception {
        held = new HeldVerifier(() -> {
            throw new IllegalStateException("verifier broke");
        });
        verifications = new InFlightVerifications(held);
        for (Future<Outcome> r : held.overlapping(logins("x", "app", "app", "app"))) {
            assertThatThrownBy(() -> r.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        }
        assertThat(held.runs()).isEqualTo(1);
        assertThat(verifications.running()).isZero();
    }
}
