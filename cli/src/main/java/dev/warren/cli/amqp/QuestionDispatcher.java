package dev.warren.cli.amqp;

import dev.warren.policy.Cause;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Decides questions on a bounded pool of platform threads (a password check is CPU-bound) and
 * sends exactly one reply per question within the deadline: the decision, or a refusal when the
 * decision is late or there is no room for it. {@code done} runs once the work itself has ended, so
 * that acknowledging there keeps the number of decisions in progress within the prefetch.
 */
final class QuestionDispatcher implements AutoCloseable {

    private final QuestionHandler handler;
    private final Duration deadline;
    private final ThreadPoolExecutor pool;
    private final ResponderEvents events;

    QuestionDispatcher(QuestionHandler handler, ResponderSettings settings, ResponderEvents events) {
        this.handler = handler;
        this.deadline = settings.deadline();
        this.events = events;
        this.pool = new ThreadPoolExecutor(settings.workers(), settings.workers(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.prefetch()),
                Thread.ofPlatform().name("warren-amqp-decide-", 0).daemon().factory(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    void dispatch(Question question, long startedNanos, Consumer<Reply> send, Runnable done) {
        CompletableFuture<Reply> work;
        try {
            work = CompletableFuture.supplyAsync(() -> handler.answer(question, startedNanos), pool);
        } catch (RejectedExecutionException e) {
            send.accept(handler.unanswered(question, Cause.OVERLOADED, "overloaded: no room to decide", startedNanos));
            done.run();
            return;
        }
        CompletableFuture<Void> sent = work.copy()
                .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> {
                    boolean late = unwrap(failure) instanceof TimeoutException;
                    if (late) {
                        work.thenAccept(events::lateDecisionDiscarded);
                    }
                    return late
                            ? handler.unanswered(question, Cause.DEADLINE_EXCEEDED,
                                    "no decision within the deadline of " + deadline.toMillis() + " ms", startedNanos)
                            : handler.unanswered(question, Cause.INTERNAL_ERROR,
                                    "internal error: " + unwrap(failure).getClass().getSimpleName(), startedNanos);
                })
                .thenAccept(send);
        CompletableFuture.allOf(sent, work).whenComplete((ignored, failure) -> done.run());
    }

    /** Stops taking work and waits up to the deadline for decisions in progress. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(deadline.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
