package dev.warren.cli.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Test;

class BrokerAddressTest {

    @Test
    void readsUserHostPortAndVhostAsRabbitMqsUriSpecDoes() {
        assertThat(BrokerAddress.parse("amqp://warren@broker:5673/%2F"))
                .isEqualTo(new BrokerAddress(false, "broker", 5673, "warren", "/"));
        assertThat(BrokerAddress.parse("amqp://warren@broker")).isEqualTo(new BrokerAddress(false, "broker", 5672, "warren", "/"));
        assertThat(BrokerAddress.parse("amqp://warren@broker/")).isEqualTo(new BrokerAddress(false, "broker", 5672, "warren", ""));
        assertThat(BrokerAddress.parse("amqps://w%40x@broker/auth"))
                .isEqualTo(new BrokerAddress(true, "broker", 5671, "w@x", "auth"));
    }

    @Test
    void rejectsAPasswordNoUserOtherSchemesAndSlashesInTheVhost() {
        assertThatThrownBy(() -> BrokerAddress.parse("amqp://warren:secret@broker/")).hasMessageContaining("password")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> BrokerAddress.parse("amqp://broker/")).hasMessageContaining("user");
        assertThatThrownBy(() -> BrokerAddress.parse("http://warren@broker/")).hasMessageContaining("amqp://");
        assertThatThrownBy(() -> BrokerAddress.parse("amqp://warren@broker/a/b")).hasMessageContaining("%2F");
        assertThatThrownBy(() -> BrokerAddress.parse("amqp://warren@broker/?x=1")).hasMessageContaining("no query");
    }

    @Test
    void theFactoryRecoversNothingByItselfAndTheDescriptionHasNoPassword() {
        BrokerAddress a = BrokerAddress.parse("amqp://warren@127.0.0.1:5999/orders");
        ConnectionFactory f = a.connectionFactory("pw".toCharArray());
        assertThat(f.isAutomaticRecoveryEnabled()).isFalse();
        assertThat(f.getVirtualHost()).isEqualTo("orders");
        assertThat(f.getUsername()).isEqualTo("warren");
        assertThat(a.describe()).isEqualTo("amqp://warren@127.0.0.1:5999/orders").doesNotContain("pw");
    }
}
