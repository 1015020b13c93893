package dev.warren.functions.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.store.InMemorySecretStore;
import dev.warren.store.SecretStore;
import dev.warren.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallerAuthenticationTest {

    static final String SUBJECT = "CN=broker.example.com,O=Example";
    static final String SECRET_ID = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:warren-caller-AbC";

    static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    static CallerCredentials header(String authorization) {
        return new CallerCredentials(authorization, null);
    }

    static CallerCredentials cert(String subject) {
        return new CallerCredentials(null, subject);
    }

    @Test
    void mtlsWithoutAllowListAcceptsAnyVerifiedCertificateButNeedsOne() {
        MutualTlsCallers any = MutualTlsCallers.subjects("");
        assertThat(any.allowListSize()).isZero();
        assertThat(any.check(cert("CN=anything"))).isEqualTo(CallerVerdict.PASSED);
        assertThat(any.check(CallerCredentials.NONE)).isEqualTo(CallerVerdict.NO_CLIENT_CERTIFICATE);
        assertThat(any.check(cert(""))).isEqualTo(CallerVerdict.NO_CLIENT_CERTIFICATE);
        // a Basic header is no substitute for the certificate
        assertThat(any.check(new CallerCredentials(basic("a:b"), null))).isEqualTo(CallerVerdict.NO_CLIENT_CERTIFICATE);
    }

    @Test
    void mtlsAllowListMatchesWholeSubjectsExactly() {
        MutualTlsCallers callers = MutualTlsCallers.subjects("CN=other,O=Example|" + SUBJECT + "|CN=last");
        assertThat(callers.allowListSize()).isEqualTo(3);
        assertThat(callers.check(cert(SUBJECT))).isEqualTo(CallerVerdict.PASSED);
        assertThat(callers.check(cert("CN=last"))).isEqualTo(CallerVerdict.PASSED);
        assertThat(callers.check(cert("CN=other,O=Example"))).isEqualTo(CallerVerdict.PASSED);
        for (String near : new String[] {"cn=broker.example.com,o=example", SUBJECT + " ", " " + SUBJECT,
                "CN=broker.example.com", SUBJECT + ",OU=x", "CN=other,O=Example|" + SUBJECT, "CN=las"}) {
            assertThat(callers.check(cert(near))).as(near).isEqualTo(CallerVerdict.SUBJECT_NOT_ALLOWED);
        }
        assertThat(callers.check(CallerCredentials.NONE)).isEqualTo(CallerVerdict.NO_CLIENT_CERTIFICATE);
    }

    @Test
    void mtlsAllowListRejectsEmptyEntries() {
        for (String bad : new String[] {"a||b", "|a", "a|", " | a"}) {
            assertThatThrownBy(() -> MutualTlsCallers.subjects(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void basicAcceptsOnlyTheSharedUserAndPassword() {
        BasicAuthCallers callers = new BasicAuthCallers(BasicAuthCallers.SharedSecret.fixed("rabbitmq:s3cret"));
        assertThat(callers.check(header(basic("rabbitmq:s3cret")))).isEqualTo(CallerVerdict.PASSED);
        assertThat(callers.check(header("basic " + basic("rabbitmq:s3cret").substring(6)))).isEqualTo(CallerVerdict.PASSED);
        assertThat(callers.check(header(basic("rabbitmq:s3creT")))).isEqualTo(CallerVerdict.WRONG_CREDENTIALS);
        assertThat(callers.check(header(basic("rabbitmq:s3cret ")))).isEqualTo(CallerVerdict.WRONG_CREDENTIALS);
        assertThat(callers.check(header(basic("Rabbitmq:s3cret")))).isEqualTo(CallerVerdict.WRONG_CREDENTIALS);
        assertThat(callers.check(header(basic("rabbitmq:")))).isEqualTo(CallerVerdict.WRONG_CREDENTIALS);
        assertThat(callers.check(header(basic("")))).isEqualTo(CallerVerdict.WRONG_CREDENTIALS);
        assertThat(callers.check(header("Basic !!!not-base64"))).isEqualTo(CallerVerdict.WRONG_CREDENTIALS);
        assertThat(callers.check(CallerCredentials.NONE)).isEqualTo(CallerVerdict.NO_CREDENTIALS);
        assertThat(callers.check(header("Bearer cmFiYml0bXE6czNjcmV0"))).isEqualTo(CallerVerdict.NO_CREDENTIALS);
        assertThat(callers.check(header("Basic " + "A".repeat(BasicAuthCallers.MAX_HEADER_CHARS))))
                .isEqualTo(CallerVerdict.NO_CREDENTIALS);
        // a verified client certificate is no substitute for the secret
        assertThat(callers.check(cert(SUBJECT))).isEqualTo(CallerVerdict.NO_CREDENTIALS);
    }

    @Test
    void basicReadsTheSecretOnEveryCheckEvenWithoutAHeader() {
        AtomicInteger reads = new AtomicInteger();
        BasicAuthCallers.SharedSecret fixed = BasicAuthCallers.SharedSecret.fixed("u:p");
        BasicAuthCallers callers = new BasicAuthCallers(() -> {
            reads.incrementAndGet();
            return fixed.digest();
        });
        callers.check(CallerCredentials.NONE);
        callers.check(header("Bearer x"));
        callers.check(header(basic("u:p")));
        assertThat(reads).hasValue(3);
    }

    @Test
    void basicRefusesEveryoneWhileTheSecretCannotBeRead() {
        BasicAuthCallers callers = new BasicAuthCallers(Optional::empty);
        assertThat(callers.check(header(basic("u:p")))).isEqualTo(CallerVerdict.SECRET_UNAVAILABLE);
        assertThat(callers.check(CallerCredentials.NONE)).isEqualTo(CallerVerdict.SECRET_UNAVAILABLE);
        assertThat(CallerVerdict.SECRET_UNAVAILABLE.admits()).isFalse();
    }

    @Test
    void fixedSecretMustBeUserColonPassword() {
        for (String bad : new String[] {null, "", "nopassword", ":p"}) {
            assertThatThrownBy(() -> BasicAuthCallers.SharedSecret.fixed(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Counts reads and can fail them. */
    static final class FlakyStore implements SecretStore {
        final InMemorySecretStore inner = new InMemorySecretStore();
        int reads;
        boolean failing;

        @Override
        public Optional<String> read(String id) {
            reads++;
            if (failing) {
                throw new StoreException("Secrets Manager is down");
            }
            return inner.read(id);
        }

        @Override
        public void write(String name, String secretString) {
            inner.write(name, secretString);
        }

        @Override
        public void delete(String name) {
            inner.delete(name);
        }
    }

    @Test
    void secretsManagerSecretIsReadOncePerTtlAndKeptThroughFailures() {
        FlakyStore store = new FlakyStore();
        store.write(SECRET_ID, "{\"username\":\"rabbitmq\",\"password\":\"s3cret\"}");
        TestClock clock = new TestClock();
        BasicAuthCallers callers = new BasicAuthCallers(
                new SecretsManagerSharedSecret(store, SECRET_ID, Duration.ofSeconds(60), clock));

        assertThat(callers.check(header(basic("rabbitmq:s3cret")))).isEqualTo(CallerVerdict.PASSED);
        assertThat(callers.check(header(basic("rabbitmq:s3cret")))).isEqualTo(CallerVerdict.PASSED);
        assertThat(store.reads).isEqualTo(1);

        store.write(SECRET_ID, "{\"username\":\"rabbitmq\",\"password\":\"rotated\"}");
        clock.now = clock.now.plusSeconds(61);
        assertThat(callers.check(header(basic("rabbitmq:s3cret")))).isEqualTo(CallerVerdict.WRONG_CREDENTIALS);
        assertThat(callers.check(header(basic("rabbitmq:rotated")))).isEqualTo(CallerVerdict.PASSED);
        assertThat(store.reads).isEqualTo(2);

        store.failing = true;
        clock.now = clock.now.plusSeconds(61);
        assertThat(callers.check(header(basic("rabbitmq:rotated")))).isEqualTo(CallerVerdict.PASSED);
        assertThat(store.reads).isEqualTo(3);
    }

    @Test
    void secretsManagerSecretThatIsMissingOrMalformedRefusesEveryone() {
        FlakyStore store = new FlakyStore();
        TestClock clock = new TestClock();
        BasicAuthCallers callers = new BasicAuthCallers(
                new SecretsManagerSharedSecret(store, SECRET_ID, Duration.ofSeconds(60), clock));
        assertThat(callers.check(header(basic("rabbitmq:s3cret")))).isEqualTo(CallerVerdict.SECRET_UNAVAILABLE);
        for (String bad : new String[] {"not json", "{}", "{\"username\":\"a:b\",\"password\":\"p\"}",
                "{\"username\":\"u\",\"password\":\"\"}", "\"u:p\""}) {
            store.write(SECRET_ID, bad);
            clock.now = clock.now.plusSeconds(61);
            assertThat(callers.check(header(basic("u:p")))).as(bad).isEqualTo(CallerVerdict.SECRET_UNAVAILABLE);
        }
        store.failing = true;
        clock.now = clock.now.plusSeconds(61);
        assertThat(callers.check(header(basic("u:p")))).isEqualTo(CallerVerdict.SECRET_UNAVAILABLE);
    }

    @Test
    void publicAdmitsEveryoneAndSaysSo() {
        CallerAuthentication open = CallerAuthentication.publicAccess();
        assertThat(open.check(CallerCredentials.NONE)).isEqualTo(CallerVerdict.PUBLIC);
        assertThat(open.check(CallerCredentials.NONE).admits()).isTrue();
        assertThat(open.mode()).isEqualTo("public");
    }

    @Test
    void settingsNeedAnExplicitMode() {
        SecretStore none = new InMemorySecretStore();
        Duration ttl = Duration.ofSeconds(60);
        for (Map<String, String> env : java.util.List.<Map<String, String>>of(Map.of(),
                Map.of(CallerSettings.MODE, ""), Map.of(CallerSettings.MODE, "open"),
                Map.of(CallerSettings.MODE, "basic"), Map.of(CallerSettings.MODE, "mtls", CallerSettings.SUBJECTS, "a||b"))) {
            assertThatThrownBy(() -> CallerSettings.fromEnvironment(env, () -> none, ttl)).as(env.toString())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("WARREN_");
        }
        assertThat(CallerSettings.fromEnvironment(Map.of(CallerSettings.MODE, "public"), () -> none, ttl).mode())
                .isEqualTo("public");
        CallerAuthentication mtls = CallerSettings.fromEnvironment(
                Map.of(CallerSettings.MODE, "MTLS", CallerSettings.SUBJECTS, SUBJECT), () -> none, ttl);
        assertThat(mtls.check(cert(SUBJECT))).isEqualTo(CallerVerdict.PASSED);
        assertThat(mtls.check(cert("CN=x"))).isEqualTo(CallerVerdict.SUBJECT_NOT_ALLOWED);
        none.write(SECRET_ID, "{\"username\":\"rabbitmq\",\"password\":\"s3cret\"}");
        CallerAuthentication basic = CallerSettings.fromEnvironment(
                Map.of(CallerSettings.MODE, "basic", CallerSettings.SECRET_ID, SECRET_ID), () -> none, ttl);
        assertThat(basic.check(header(basic("rabbitmq:s3cret")))).isEqualTo(CallerVerdict.PASSED);
    }

    @Test
    void credentialsNeverPrintWhatWasSent() {
        String printed = new CallerCredentials(basic("rabbitmq:s3cret"), SUBJECT).toString();
        assertThat(printed).doesNotContain(basic("rabbitmq:s3cret").substring(6)).doesNotContain("broker");
        for (CallerVerdict v : CallerVerdict.values()) {
            assertThat(v.reason()).doesNotContain("s3cret");
        }
    }
}
