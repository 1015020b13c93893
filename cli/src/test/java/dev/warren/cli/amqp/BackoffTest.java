package dev.warren.cli.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheMaximumAndStartsOverAfterReset() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3));
        assertThat(new long[] {b.nextMillis(), b.nextMillis(), b.nextMillis(), b.nextMillis(), b.nextMillis()})
                .containsExactly(500, 1000, 2000, 3000, 3000);
        b.reset();
        assertThat(b.nextMillis()).isEqualTo(500);
    }
}
