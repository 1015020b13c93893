package dev.warren.service;

import dev.warren.password.PasswordHash;
import dev.warren.password.PasswordHasher;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * Runs password verifications (real and dummy) on a few platform threads with a short queue, off
 * the request threads: a slow key derivation never pins a virtual thread's carrier, so other
 * requests keep being answered while wrong logins flood. When every thread is busy and the queue is
 * full, a verification is not run at all: the caller gets {@link PasswordVerifier.Outcome#OVERLOADED} at once and
 * refuses the login. Threads start on the first verification, not at construction.
 */
public final class VerificationPool implements PasswordVerifier {

    private final int threads;
    private final int queue;
    private final ThreadPoolExecutor executor;
    private final BiPredicate<String, PasswordHash> check;

    /**
     * @param threads verifications that run at once
     * @param queue   verifications that may wait for a thread; beyond that, {@link PasswordVerifier.Outcome#OVERLOADED}
     */
    public VerificationPool(int threads, int queue) {
        this(threads, queue, PasswordHasher::verify);
    }

    /** @param check the verification itself (tests put a controllable one here) */
    VerificationPool(int threads, int queue, BiPredicate<String, PasswordHash> check) {
        if (threads < 1 || queue < 0) {
            throw new IllegalArgumentException("threads must be positive and queue not negative");
        }
        this.threads = threads;
        this.queue = queue;
        this.check = check;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
                task -> Thread.ofPlatform().daemon().name("warren-verify-" + n.incrementAndGet()).unstarted(task),
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /** Verifies the password against the hash on a pool thread; blocks the caller until done. */
    @Override
    public Outcome verify(String password, PasswordHash hash) {
        Future<Boolean> result;
        try {
            result = executor.submit(() -> check.test(password, hash));
        } catch (RejectedExecutionException e) {
            return Outcome.OVERLOADED;
        }
        try {
            return result.get() ? Outcome.MATCH : Outcome.NO_MATCH;
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            return Outcome.OVERLOADED;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Verifications waiting for a thread now. */
    int queued() {
        return executor.getQueue().size();
    }

    public int threads() {
        return threads;
    }

    public int queue() {
        return queue;
    }
}
