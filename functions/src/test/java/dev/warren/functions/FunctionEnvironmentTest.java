package dev.warren.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.policy.AuthPath;
import dev.warren.policy.AuthRequest.UserRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunctionEnvironmentTest {

    @Test
    void withoutATableTheInitFailsNamingTheVariable() {
        assertThatThrownBy(() -> FunctionEnvironment.of(Map.of()).authService())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WARREN_TABLE is not set");
    }

    @Test
    void aBadSettingFailsTheInitNamingTheVariable() {
        assertThatThrownBy(() -> FunctionEnvironment.of(Map.of("WARREN_TABLE", "warren",
                "WARREN_POLICY_TTL_SECONDS", "soon")).authService())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WARREN_POLICY_TTL_SECONDS");
    }

    @Test
    void localDefinitionsAnswerFromMemory() {
        var service = FunctionEnvironment.of(Map.of(FunctionEnvironment.LOCAL_DEFINITIONS,
                EventCases.sampleDefinitions().toString())).authService();
        assertThat(service.decide(new UserRequest("admin", Optional.of("admin-secret"))).body())
                .isEqualTo("allow administrator");
    }

    @Test
    void anUnreadableDefinitionsFileFailsTheInit() {
        assertThatThrownBy(() -> FunctionEnvironment.of(Map.of(FunctionEnvironment.LOCAL_DEFINITIONS,
                "/nonexistent/definitions.json")).edge(AuthPath.USER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WARREN_LOCAL_DEFINITIONS=/nonexistent/definitions.json");
    }

    @Test
    void denyReasonsComeFromTheEnvironmentAndAreOffByDefault() throws Exception {
        var event = EventJson.readEvent(EventCases.events().resolve("vhost-deny-get.json"));
        String definitions = EventCases.sampleDefinitions().toString();
        var plain = new VhostCheck(FunctionEnvironment.of(Map.of(FunctionEnvironment.LOCAL_DEFINITIONS, definitions))
                .edge(AuthPath.VHOST));
        var reasons = new VhostCheck(FunctionEnvironment.of(Map.of(FunctionEnvironment.LOCAL_DEFINITIONS, definitions,
                "WARREN_DENY_REASONS", "true")).edge(AuthPath.VHOST));
        assertThat(plain.handleRequest(event, new LocalContext("vhost")).getBody()).isEqualTo("deny");
        assertThat(reasons.handleRequest(event, new LocalContext("vhost")).getBody())
                .isEqualTo("deny no permissions on vhost");
        assertThatThrownBy(() -> FunctionEnvironment.of(Map.of(FunctionEnvironment.LOCAL_DEFINITIONS, definitions,
                "WARREN_DENY_REASONS", "on")).edge(AuthPath.VHOST))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WARREN_DENY_REASONS");
    }
}
