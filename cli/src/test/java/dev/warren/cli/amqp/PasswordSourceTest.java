package dev.warren.cli.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordSourceTest {

    @Test
    void theEnvironmentWinsAndWithoutItOrATerminalThereIsNoPassword() {
        assertThat(PasswordSource.read(Map.of("WARREN_AMQP_PASSWORD", "pw"), null, "u")).containsExactly('p', 'w');
        assertThatThrownBy(() -> PasswordSource.read(Map.of(), null, "u")).hasMessageContaining("WARREN_AMQP_PASSWORD");
        assertThatThrownBy(() -> PasswordSource.read(Map.of("WARREN_AMQP_PASSWORD", ""), null, "u"))
                .hasMessageContaining("empty");
    }
}
