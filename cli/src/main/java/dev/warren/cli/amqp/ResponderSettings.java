package dev.warren.cli.amqp;

import java.time.Duration;

/**
 * How one responder talks to the broker.
 *
 * @param exchange the plugin's {@code auth_amqp.exchange}
 * @param queue the shared queue bound to it (every responder on the same queue shares the load)
 * @param prefetch unacknowledged questions per responder, and so decisions in progress
 * @param workers threads that decide
 * @param deadline longest time from delivery to answer
 * @param questionTtl longest time a question waits in the queue ({@code x-message-ttl})
 */
record ResponderSettings(String exchange, String queue, int prefetch, int workers, Duration deadline,
                         Duration questionTtl) {

    ResponderSettings {
        require(!exchange.isEmpty() && exchange.length() <= 255, "--exchange must be 1 to 255 characters");
        require(!queue.isEmpty() && queue.length() <= 255 && !queue.startsWith("amq."),
                "--queue must be 1 to 255 characters and not start with 'amq.'");
        require(prefetch >= 1 && prefetch <= 1_000, "--prefetch must be between 1 and 1000");
        require(workers >= 1 && workers <= 256, "--workers must be between 1 and 256");
        require(deadline.toMillis() >= 10 && deadline.toMillis() <= 60_000, "--deadline must be 10 to 60000 ms");
        require(questionTtl.toMillis() >= 10 && questionTtl.toMillis() <= 60_000,
                "--question-ttl must be 10 to 60000 ms");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
