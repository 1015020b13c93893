package dev.warren.cli.amqp;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import dev.warren.cli.ErrorLine;
import dev.warren.protocol.DecisionLog;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps one responder connected: connects, opens a {@link ResponderSession}, and when the
 * connection goes (the broker restarted, the network failed) connects again after a back-off. A
 * refused login on the very first attempt stops it (a wrong password does not heal by retrying).
 */
final class ResponderLoop {

    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final BrokerAddress broker;
    private final ConnectionFactory factory;
    private final ResponderSettings settings;
    private final QuestionDispatcher dispatcher;
    private final DecisionLog log;
    private final ResponderEvents events;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    ResponderLoop(BrokerAddress broker, ConnectionFactory factory, ResponderSettings settings,
                  QuestionDispatcher dispatcher, DecisionLog log, ResponderEvents events) {
        this.broker = broker;
        this.factory = factory;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.log = log;
        this.events = events;
    }

    /** Runs until {@link #stop()}; returns the exit status. */
    int run() {
        Backoff backoff = new Backoff(FIRST_RETRY, MAX_RETRY);
        boolean everConnected = false;
        try {
            while (stopRequested.getCount() > 0) {
                String lost;
                boolean connected = false;
                try (Connection connection = factory.newConnection("warren amqp")) {
                    CountDownLatch closed = new CountDownLatch(1);
                    connection.addShutdownListener(signal -> closed.countDown());
                    ResponderSession session = ResponderSession.open(connection, settings, dispatcher, log, events);
                    everConnected = true;
                    connected = true;
                    backoff.reset();
                    events.connected(broker, settings);
                    if (awaitEither(closed)) {
                        session.cancel();
                        dispatcher.close();
                        return 0;
                    }
                    lost = describe(connection.getCloseReason());
                } catch (AuthenticationFailureException e) {
                    if (!everConnected) {
                        events.failed("login refused", "the broker refused " + broker.describe() + ": " + e.getMessage());
                        return 2;
                    }
                    lost = "login refused: " + e.getMessage();
                } catch (IOException | TimeoutException | RuntimeException e) {
                    lost = describe(e);
                }
                long wait = backoff.nextMillis();
                events.retrying(connected, lost, wait);
                if (stopRequested.await(wait, TimeUnit.MILLISECONDS)) {
                    return 0;
                }
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            events.stopped();
            finished.countDown();
        }
    }

    /** Asks {@link #run()} to finish the questions in hand and return; waits up to {@code timeout} for it. */
    void stop(Duration timeout) {
        stopRequested.countDown();
        try {
            finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when a stop was requested, false when the connection closed. */
    private boolean awaitEither(CountDownLatch closed) throws InterruptedException {
        while (!closed.await(100, TimeUnit.MILLISECONDS)) {
            if (stopRequested.getCount() == 0) {
                return true;
            }
        }
        return stopRequested.getCount() == 0;
    }

    private static String describe(Throwable e) {
        if (e instanceof ShutdownSignalException signal && signal.getReason() != null) {
            return signal.getReason().protocolMethodName() + ": " + signal.getMessage();
        }
        Throwable cause = e.getCause() instanceof ShutdownSignalException s ? s : e;
        return ErrorLine.of(cause);
    }
}
