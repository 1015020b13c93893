package dev.warren.cli.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.policy.Cause;
import dev.warren.service.AuthServices;
import dev.warren.store.InMemoryStore;
import dev.warren.store.PolicyStore;
import dev.warren.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QuestionDispatcherTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final ByteArrayOutputStream eventsOut = new ByteArrayOutputStream();

    /** Decisions wait until {@link #release} opens. */
    private QuestionDispatcher dispatcher(int prefetch, int workers, Duration deadline) {
        InMemoryStore store = new InMemoryStore(Fixtures.definitions());
        PolicyStore slow = username -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return store.findUser(username);
        };
        return new QuestionDispatcher(new QuestionHandler(AuthServices.over(slow, store)),
                new ResponderSettings("authentication", "q", prefetch, workers, deadline, Duration.ofSeconds(1)),
                new ResponderEvents(new PrintStream(eventsOut, true)));
    }

    private static Question vhostQuestion() {
        return QuestionParser.parse(PluginHeaders.longStrings(Map.of("action", "check_vhost", "username", "app",
                "vhost", "/")), new byte[0]);
    }

    @Test
    void aDecisionPastTheDeadlineIsRefusedOnceAndTheLateDecisionIsNotSent() throws Exception {
        List<Reply> sent = new CopyOnWriteArrayList<>();
        CountDownLatch answered = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try (QuestionDispatcher d = dispatcher(4, 1, Duration.ofMillis(50))) {
            d.dispatch(vhostQuestion(), System.nanoTime(), r -> {
                sent.add(r);
                answered.countDown();
            }, done::countDown);
            assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(done.getCount()).as("not acknowledged while the decision still runs").isEqualTo(1);
            release.countDown();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo("deny");
            assertThat(r.record().cause()).isEqualTo(Cause.DEADLINE_EXCEEDED);
        });
        assertThat(eventsOut.toString()).contains("late decision discarded", "\"cause\":\"vhost_permitted\"");
    }

    @Test
    void withEveryWorkerBusyAndTheQueueFullAQuestionIsRefusedAsOverloaded() throws Exception {
        List<Reply> sent = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        try (QuestionDispatcher d = dispatcher(1, 1, Duration.ofSeconds(30))) {
            for (int i = 0; i < 3; i++) {
                d.dispatch(vhostQuestion(), System.nanoTime(), sent::add, done::countDown);
            }
            // one runs, one waits in the queue of size prefetch=1, the third has no room
            assertThat(sent).singleElement().satisfies(r -> {
                assertThat(r.body()).isEqualTo("deny");
                assertThat(r.record().cause()).isEqualTo(Cause.OVERLOADED);
            });
            release.countDown();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(sent).extracting(Reply::body).containsExactlyInAnyOrder("deny", "allow", "allow");
    }
}
