package dev.warren.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.password.HashingAlgorithm;
import dev.warren.policy.PermissionTriple;
import dev.warren.policy.UserPolicy;
import dev.warren.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionsReaderTest {

    @Test
    void readsUsersTagsHashesAndFlags() {
        Definitions d = Fixtures.definitions();
        assertThat(d.users()).extracting(Definitions.User::name)
                .containsExactly("app", "admin", "josé", "nopass", "gateway", "off");
        Definitions.User admin = d.users().get(1);
        assertThat(admin.tags()).as("comma string").containsExactly("administrator", "monitoring");
        assertThat(admin.hash().orElseThrow().algorithm()).as("missing algorithm").isEqualTo(HashingAlgorithm.SHA256);
        assertThat(d.users().get(3).hash()).as("empty hash").isEmpty();
        assertThat(d.users().get(4).certificateLogin()).isTrue();
        assertThat(d.users().get(5).disabled()).isTrue();
        assertThat(d.vhosts()).containsExactly("/", "orders", "ünï code");
    }

    @Test
    void buildsPolicies() {
        Map<String, UserPolicy> policies = Fixtures.definitions().policies();
        UserPolicy app = policies.get("app");
        assertThat(app.permissionsOn("orders")).contains(new PermissionTriple("", "", ""));
        assertThat(app.permissionsOn("/").orElseThrow().write()).isEqualTo("^(app\\.|amq\\.default$)");
        assertThat(app.topicPermission("/", "amq.topic").orElseThrow().write()).isEqualTo("^{username}\\.{vhost}\\.");
        assertThat(app.topicPermission("orders", "amq.topic")).isEmpty();
    }

    @Test
    void warnsAboutRegexesThatWillDenyEverything() {
        assertThat(Fixtures.definitions().warnings()).singleElement().asString()
                .startsWith("permissions[3] (user 'josé', vhost 'ünï code'): read regex '[' cannot be used: PCRE rejects it: missing terminating ] for character class");
    }

    @Test
    void topicPlaceholdersAreExpandedBeforeTheCompileCheck() throws Exception {
        Definitions d = DefinitionsReader.parse("""
                {"users": [{"name": "a"}], "vhosts": [{"name": "/"}],
                 "topic_permissions": [{"user": "a", "vhost": "/", "exchange": "e",
                                        "write": "^{username}-{client_id}$", "read": "^x(" }]}""");
        assertThat(d.warnings()).singleElement().asString()
                .startsWith("topic_permissions[0] (user 'a', vhost '/', exchange 'e'): read regex '^x('");
    }

    @Test
    void readsTheShippedExample() throws Exception {
        Definitions d = DefinitionsReader.read(Path.of("..", "examples", "definitions.json"));
        assertThat(d.users()).hasSizeGreaterThan(3);
    }

    @Test
    void emptyAndMissingSectionsAreFine() throws Exception {
        Definitions d = DefinitionsReader.parse("{\"rabbit_version\": \"3.13.0\"}");
        assertThat(d.users()).isEmpty();
        assertThat(DefinitionsReader.parse("{\"users\": [], \"tags\": \"unknown fields ignored\"}").users()).isEmpty();
    }

    @Test
    void tagsAsEmptyStringOrNull() throws Exception {
        Definitions d = DefinitionsReader.parse("""
                {"users": [{"name": "a", "password_hash": "", "tags": ""},
                           {"name": "b", "password_hash": "", "tags": null},
                           {"name": "c", "password_hash": ""},
                           {"name": "d", "password_hash": "", "tags": "x, y ,,z"}]}""");
        assertThat(d.users()).extracting(Definitions.User::tags)
                .containsExactly(List.of(), List.of(), List.of(), List.of("x", "y", "z"));
    }

    @Test
    void malformedFilesNameTheEntry(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> DefinitionsReader.parse("not json")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> DefinitionsReader.parse("[]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> DefinitionsReader.parse("{\"users\": {}}")).hasMessageContaining("'users' must be a list");
        assertThatThrownBy(() -> DefinitionsReader.parse("{\"users\": [{\"password_hash\": \"\"}]}"))
                .hasMessageContaining("users[0]: missing 'name'");
        assertThatThrownBy(() -> DefinitionsReader.parse(
                "{\"users\": [{\"name\": \"bob\", \"password_hash\": \"kI3G\"}]}"))
                .hasMessageContaining("users[0] ('bob')").hasMessageContaining("too short");
        assertThatThrownBy(() -> DefinitionsReader.parse(
                "{\"users\": [{\"name\": \"bob\", \"password_hash\": \"kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR\","
                        + " \"hashing_algorithm\": \"rabbit_password_hashing_sha1\"}]}"))
                .hasMessageContaining("users[0] ('bob')").hasMessageContaining("unknown hashing algorithm");
        assertThatThrownBy(() -> DefinitionsReader.parse(
                "{\"users\": [{\"name\": \"a\", \"tags\": 5}]}")).hasMessageContaining("'tags'");
        assertThatThrownBy(() -> DefinitionsReader.parse(
                "{\"users\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}")).hasMessageContaining("duplicate user 'a'");
        assertThatThrownBy(() -> DefinitionsReader.parse("""
                {"users": [{"name": "a"}], "vhosts": [{"name": "/"}],
                 "permissions": [{"user": "a", "vhost": "/", "configure": ".*", "write": ".*"}]}"""))
                .hasMessageContaining("permissions[0]: missing 'read'");
        assertThatThrownBy(() -> DefinitionsReader.parse("""
                {"users": [{"name": "a"}], "vhosts": [{"name": "/"}],
                 "permissions": [{"user": "b", "vhost": "/", "configure": "", "write": "", "read": ""}]}"""))
                .hasMessageContaining("permissions[0]: no such user 'b'");
        assertThatThrownBy(() -> DefinitionsReader.parse("""
                {"users": [{"name": "a"}], "vhosts": [{"name": "/"}],
                 "topic_permissions": [{"user": "a", "vhost": "x", "exchange": "e", "write": "", "read": ""}]}"""))
                .hasMessageContaining("topic_permissions[0]: no such vhost 'x'");
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> DefinitionsReader.read(missing)).hasMessageContaining("cannot read");
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"users\": [{\"name\": \"a\", \"warren_disabled\": \"yes\"}]}");
        assertThatThrownBy(() -> DefinitionsReader.read(file)).hasMessageContaining("warren_disabled");
    }
}
