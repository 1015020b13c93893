package dev.warren.cli.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.policy.Cause;
import dev.warren.service.AuthServices;
import dev.warren.store.InMemoryStore;
import dev.warren.store.PolicyStore;
import dev.warren.store.StoreException;
import dev.warren.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuestionHandlerTest {

    private final QuestionHandler handler = new QuestionHandler(Fixtures.service());

    private Reply ask(Map<String, String> headers) {
        return handler.answer(QuestionParser.parse(PluginHeaders.longStrings(headers), new byte[0]), System.nanoTime());
    }

    @Test
    void aLoginWithoutTagsIsAnEmptyBodyAndItsLogRecordHasNoPassword() {
        Reply r = ask(Map.of("action", "login", "username", "app", "password", "app-secret"));
        assertThat(r.body()).isEmpty();
        assertThat(r.record().cause()).isEqualTo(Cause.PASSWORD_VERIFIED);
        assertThat(r.record().method()).isEqualTo("AMQP");
        assertThat(r.record().toString()).doesNotContain("app-secret");
        Reply wrong = ask(Map.of("action", "login", "username", "app", "password", "nope-secret"));
        assertThat(wrong.body()).isEqualTo("refused");
        assertThat(wrong.record().toString()).doesNotContain("nope-secret");
    }

    @Test
    void malformedQuestionsAreRefusedInTheirPathsWords() {
        Reply login = ask(Map.of("action", "login"));
        assertThat(login.body()).isEqualTo("refused");
        assertThat(login.record().cause()).isEqualTo(Cause.MALFORMED_REQUEST);
        assertThat(ask(Map.of("action", "check_vhost", "username", "app")).body()).isEqualTo("deny");
        assertThat(ask(Map.of("action", "whatever", "username", "app")).body()).isEqualTo("refused");
        assertThat(ask(Map.of("username", "app")).record().path()).isEqualTo("unknown");
    }

    @Test
    void aStoreErrorIsARefusalWithItsCause() {
        InMemoryStore store = new InMemoryStore(Fixtures.definitions());
        PolicyStore broken = username -> {
            throw new StoreException("table unreachable");
        };
        QuestionHandler h = new QuestionHandler(AuthServices.over(broken, store));
        Reply login = h.answer(QuestionParser.parse(PluginHeaders.longStrings(
                Map.of("action", "login", "username", "app", "password", "app-secret")), new byte[0]), System.nanoTime());
        assertThat(login.body()).isEqualTo("refused");
        assertThat(login.record().cause()).isEqualTo(Cause.STORE_ERROR);
        Reply vhost = h.answer(QuestionParser.parse(PluginHeaders.longStrings(
                Map.of("action", "check_vhost", "username", "app", "vhost", "/")), new byte[0]), System.nanoTime());
        assertThat(vhost.body()).isEqualTo("deny");
    }

    @Test
    void logRecordsCutLongValues() {
        String longName = "q".repeat(5_000);
        Reply r = ask(Map.of("action", "check_resource", "username", "app", "vhost", "/", "resource", "queue",
                "name", longName, "permission", "read"));
        assertThat(r.body()).isEqualTo("deny");
        assertThat(r.record().name()).hasSizeLessThan(200);
        assertThat(r.record().reason()).hasSizeLessThan(600);
    }
}
