package dev.warren.cli.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.policy.AuthPath;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyBodyTest {

    @Test
    void aLoginIsTheTagsJoinedByCommasOrRefused() {
        assertThat(ReplyBody.of(AuthPath.USER, true, List.of("administrator", "monitoring")))
                .isEqualTo("administrator,monitoring");
        assertThat(ReplyBody.of(AuthPath.USER, true, List.of())).isEmpty();
        assertThat(ReplyBody.of(AuthPath.USER, false, List.of())).isEqualTo("refused");
    }

    @Test
    void aTagThatTheSplitWouldTurnIntoOtherTagsIsLeftOut() {
        assertThat(ReplyBody.of(AuthPath.USER, true, List.of("x,administrator", "", "monitoring")))
                .isEqualTo("monitoring");
    }

    @Test
    void checksAreAllowOrDeny() {
        for (AuthPath path : List.of(AuthPath.VHOST, AuthPath.RESOURCE, AuthPath.TOPIC)) {
            assertThat(ReplyBody.of(path, true, List.of())).isEqualTo("allow");
            assertThat(ReplyBody.of(path, false, List.of())).isEqualTo("deny");
            assertThat(ReplyBody.refusal(Optional.of(path))).isEqualTo("deny");
        }
    }

    @Test
    void aRefusalIsNeverABodyThePluginTakesAsALogin() {
        assertThat(ReplyBody.refusal(Optional.of(AuthPath.USER))).isEqualTo("refused");
        // "deny" to a login would log the user in with the tag "deny"
        assertThat(ReplyBody.refusal(Optional.empty())).isEqualTo("refused");
    }
}
