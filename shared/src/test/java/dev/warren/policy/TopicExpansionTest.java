package dev.warren.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicExpansionTest {

    @Test
    void valuesAreInsertedVerbatimLikeTheBroker() {
        assertThat(TopicExpansion.expand("^{username}\\.{vhost}\\.{client_id}$",
                Map.of("username", "a.b", "vhost", "v", "client_id", "c"))).isEqualTo("^a.b\\.v\\.c$");
        assertThat(TopicExpansion.expand("{other}", Map.of("username", "x"))).isEqualTo("{other}");
        assertThat(TopicExpansion.expand("{username}{username}", Map.of("username", "u"))).isEqualTo("uu");
    }

    @Test
    void variablesAreReplacedInMapKeyOrderEachInThePreviousResult() {
        // maps:fold over #{client_id, username, vhost}: a client id of '{username}' becomes the user name,
        // a user name of '{client_id}' stays literal (client_id was already replaced)
        assertThat(TopicExpansion.expand("{client_id}", Map.of("client_id", "{username}", "username", "ivan")))
                .isEqualTo("ivan");
        assertThat(TopicExpansion.expand("{username}", Map.of("client_id", "c", "username", "{client_id}")))
                .isEqualTo("{client_id}");
        assertThat(TopicExpansion.expand("{username}", Map.of("username", "{vhost}", "vhost", "v"))).isEqualTo("v");
        assertThat(TopicExpansion.expand("{vhost}", Map.of("vhost", "{username}", "username", "u")))
                .isEqualTo("{username}");
    }

    @Test
    void anEmptyValueCanLeaveAnEmptyPattern() {
        assertThat(TopicExpansion.expand("{client_id}", Map.of("client_id", ""))).isEmpty();
        assertThat(TopicExpansion.VARIABLES).containsExactly("client_id", "username", "vhost");
    }

    @Test
    void sampleValuesArePlainAndCoverEveryVariable() {
        assertThat(TopicExpansion.withSampleValues("^{client_id}/{username}/{vhost}$")).isEqualTo("^c/u/v$");
        assertThat(TopicExpansion.withSampleValues("^x{2}$")).isEqualTo("^x{2}$");
    }
}
