package dev.warren.service;

import dev.warren.password.PasswordHash;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A verifier held until every caller of {@link #overlapping} is blocked (verifying or waiting for
 * another's verification), so logins are made to overlap by construction, not by timing. Counts
 * the verifications it runs.
 */
final class HeldVerifier implements PasswordVerifier, AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger runs = new AtomicInteger();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private volatile Supplier<Outcome> answer;

    HeldVerifier(Supplier<Outcome> answer) {
        this.answer = answer;
    }

    /** Runs the real check once released (so a right password matches). */
    static HeldVerifier checking() {
        return new HeldVerifier(null);
    }

    @Override
    public Outcome verify(String password, PasswordHash hash) {
        runs.incrementAndGet();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.OVERLOADED;
        }
        return answer == null ? PasswordVerifier.INLINE.verify(password, hash) : answer.get();
    }

    int runs() {
        return runs.get();
    }

    void release() {
        release.countDown();
    }

    /** Starts every call on its own thread, releases the verifier once all are blocked, and returns each call's future. */
    <T> List<Future<T>> overlapping(List<Callable<T>> calls) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<Future<T>> results = new ArrayList<>();
        for (Callable<T> call : calls) {
            results.add(callers.submit(() -> {
                synchronized (threads) {
                    threads.add(Thread.currentThread());
                }
                return call.call();
            }));
        }
        while (!allBlocked(threads, calls.size())) {
            Thread.sleep(5);
        }
        release();
        return results;
    }

    /** As {@link #overlapping}, waiting for every result. */
    <T> List<T> overlappingResults(List<Callable<T>> calls) throws Exception {
        List<T> out = new ArrayList<>();
        for (Future<T> f : overlapping(calls)) {
            out.add(f.get(30, TimeUnit.SECONDS));
        }
        return out;
    }

    private static boolean allBlocked(List<Thread> threads, int count) {
        synchronized (threads) {
            return threads.size() == count && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING);
        }
    }

    @Override
    public void close() {
        release();
        callers.shutdownNow();
    }
}
