package dev.warren.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void theCauseFixesTheOutcome() {
        assertThat(Decision.allow(Cause.REGEX_MATCHED, "r").allowed()).isTrue();
        assertThat(Decision.deny(Cause.REGEX_NO_MATCH, "r").allowed()).isFalse();
        assertThat(Decision.error(Cause.STORE_ERROR, "r").allowed()).isFalse();
        assertThat(Decision.error(Cause.STORE_ERROR, "r").isError()).isTrue();
        assertThat(Decision.deny(Cause.UNKNOWN_USER, "r").isError()).isFalse();
    }

    @Test
    void aFactoryRefusesACauseOfAnotherKind() {
        assertThatThrownBy(() -> Decision.allow(Cause.UNKNOWN_USER, "r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decision.deny(Cause.STORE_ERROR, "r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decision.error(Cause.WRONG_PASSWORD, "r"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision(Cause.WRONG_PASSWORD, List.of("administrator"), "r"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bodiesAreWhatTheBrokerReads() {
        assertThat(Decision.allowWithTags(Cause.PASSWORD_VERIFIED, List.of("a", "b"), "r").body()).isEqualTo("allow a b");
        assertThat(Decision.allow(Cause.VHOST_PERMITTED, "r").body()).isEqualTo("allow");
        assertThat(Decision.error(Cause.INTERNAL_ERROR, "r").body()).isEqualTo("deny");
    }

    @Test
    void everyCauseHasALabel() {
        for (Cause c : Cause.values()) {
            assertThat(c.label()).matches("[a-z_]+");
        }
    }
}
