package dev.warren.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warren.definitions.Definitions;
import dev.warren.definitions.DefinitionsReader;
import dev.warren.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DefinitionsWriterTest {

    @Test
    void writtenDefinitionsReadBackUnchanged() throws Exception {
        for (Definitions original : new Definitions[] {Fixtures.definitions(),
                DefinitionsReader.read(Path.of("../examples/definitions.json"))}) {
            Definitions again = DefinitionsReader.parse(DefinitionsWriter.write(original));
            assertThat(again.users()).isEqualTo(original.users());
            assertThat(again.permissions()).isEqualTo(original.permissions());
            assertThat(again.topicPermissions()).isEqualTo(original.topicPermissions());
            assertThat(again.vhosts()).isEqualTo(original.vhosts());
        }
    }

    @Test
    void usesRabbitMqFieldNamesAndWritesWarrenFlagsOnlyWhenTrue() throws Exception {
        JsonNode root = new ObjectMapper().readTree(DefinitionsWriter.write(Fixtures.definitions()));
        JsonNode app = root.get("users").get(0);
        assertThat(app.get("name").asText()).isEqualTo("app");
        assertThat(app.get("password_hash").asText()).isEqualTo("Xm96iykYroUBHWbS2bkUHDyY8ANqCPuhJBcM18IvHgNppqCg");
        assertThat(app.get("hashing_algorithm").asText()).isEqualTo("rabbit_password_hashing_sha256");
        assertThat(app.get("tags").isArray()).isTrue();
        assertThat(app.has(DefinitionsReader.CERTIFICATE_LOGIN_FIELD)).isFalse();
        assertThat(app.has(DefinitionsReader.DISABLED_FIELD)).isFalse();
        JsonNode gateway = root.get("users").get(4);
        assertThat(gateway.get("password_hash").asText()).isEmpty();
        assertThat(gateway.get(DefinitionsReader.CERTIFICATE_LOGIN_FIELD).asBoolean()).isTrue();
        assertThat(root.get("users").get(5).get(DefinitionsReader.DISABLED_FIELD).asBoolean()).isTrue();
        assertThat(root.get("topic_permissions").get(0).get("exchange").asText()).isEqualTo("amq.topic");
        for (String section : new String[] {"queues", "exchanges", "bindings", "policies", "parameters"}) {
            assertThat(root.get(section).isArray()).as(section).isTrue();
        }
    }
}
