package dev.warren.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.warren.config.WarrenConfig;
import dev.warren.policy.AuthPath;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml's structure, checked without the SAM CLI: handlers name real handler classes,
 * each function has its GET and POST route and a Makefile build target, settings are ones
 * WarrenConfig reads, IAM is least privilege. (cfn-lint checks the rest in CI.)
 */
class TemplateTest {

    static JsonNode template;
    static String makefile;

    @BeforeAll
    static void read() throws Exception {
        // Jackson's YAML reader keeps the scalar under a CloudFormation tag (!Ref X -> "X"), enough here.
        template = new ObjectMapper(new YAMLFactory()).readTree(EventCases.root().resolve("template.yaml").toFile());
        makefile = Files.readString(EventCases.root().resolve("Makefile"));
    }

    static Map<String, JsonNode> functions() {
        Map<String, JsonNode> out = new java.util.TreeMap<>();
        template.get("Resources").properties().forEach(e -> {
            if (e.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                out.put(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    @Test
    void fourFunctionsWithHandlersThatAreHandlerClasses() throws Exception {
        Map<String, JsonNode> functions = functions();
        assertThat(functions).containsOnlyKeys("UserCheckFunction", "VhostCheckFunction", "ResourceCheckFunction",
                "TopicCheckFunction");
        for (Map.Entry<String, JsonNode> f : functions.entrySet()) {
            String handler = f.getValue().at("/Properties/Handler").asText();
            assertThat(handler).endsWith("::handleRequest");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertThat(RequestHandler.class).isAssignableFrom(type);
            assertThat(type.getConstructor()).isNotNull();
            AuthPath path = (AuthPath) type.getField("PATH").get(null);
            assertThat(f.getKey()).isEqualTo(type.getSimpleName() + "Function");

            Set<String> routes = new HashSet<>();
            f.getValue().at("/Properties/Events").forEach(e -> {
                assertThat(e.path("Type").asText()).isEqualTo("HttpApi");
                assertThat(e.at("/Properties/PayloadFormatVersion").asText()).isEqualTo("2.0");
                assertThat(e.at("/Properties/ApiId").asText()).isEqualTo("HttpApi");
                routes.add(e.at("/Properties/Method").asText() + " " + e.at("/Properties/Path").asText());
            });
            assertThat(routes).containsExactlyInAnyOrder("GET " + path.path(), "POST " + path.path());

            assertThat(f.getValue().at("/Metadata/BuildMethod").asText()).isEqualTo("makefile");
            assertThat(makefile).contains(f.getKey());
        }
    }

    @Test
    void globalsAreJava21Arm64SnapStartBehindAnAlias() {
        JsonNode g = template.at("/Globals/Function");
        assertThat(g.path("Runtime").asText()).isEqualTo("java21");
        assertThat(g.path("Architectures").get(0).asText()).isEqualTo("arm64");
        assertThat(g.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(g.path("AutoPublishAlias").asText()).isNotBlank();
        assertThat(g.path("MemorySize").asInt()).isPositive();
        assertThat(g.path("Timeout").asInt()).isBetween(3, 14);
    }

    @Test
    void everyWarrenSettingIsOneWarrenConfigReads() throws Exception {
        Set<String> known = new HashSet<>();
        for (Field field : WarrenConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && String.valueOf(field.get(null)).startsWith("WARREN_")) {
                known.add((String) field.get(null));
            }
        }
        List<String> used = new ArrayList<>();
        template.at("/Globals/Function/Environment/Variables").fieldNames().forEachRemaining(used::add);
        assertThat(used).contains("WARREN_TABLE", "WARREN_SECRET_PREFIX");
        assertThat(used.stream().filter(n -> n.startsWith("WARREN_")).toList()).allMatch(known::contains);
    }

    @Test
    void iamIsReadOnlyOnTheTableAndSecretsOnlyForTheUserFunction() {
        functions().forEach((name, f) -> {
            List<String> actions = new ArrayList<>();
            f.at("/Properties/Policies").forEach(p -> p.path("Statement").forEach(s -> {
                assertThat(s.path("Effect").asText()).isEqualTo("Allow");
                s.path("Action").forEach(a -> actions.add(a.asText()));
                if (s.path("Action").toString().contains("secretsmanager")) {
                    assertThat(s.path("Resource").asText()).contains(":secret:${SecretPrefix}*");
                }
            }));
            if (name.equals("UserCheckFunction")) {
                assertThat(actions).containsExactlyInAnyOrder("dynamodb:Query", "secretsmanager:GetSecretValue");
            } else {
                assertThat(actions).containsExactly("dynamodb:Query");
            }
        });
    }

    @Test
    void tableIsOnDemandWithRecoveryAndDeletionProtection() {
        JsonNode table = template.at("/Resources/Table/Properties");
        assertThat(table.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean()).isTrue();
        assertThat(table.has("DeletionProtectionEnabled")).isTrue();
        assertThat(template.at("/Parameters/DeletionProtection/Default").asText()).isEqualTo("true");
    }

    @Test
    void customDomainIsRegionalWithMutualTls() {
        JsonNode domain = template.at("/Resources/CustomDomain");
        assertThat(domain.path("Condition").asText()).isEqualTo("HasCustomDomain");
        assertThat(domain.at("/Properties/DomainNameConfigurations/0/EndpointType").asText()).isEqualTo("REGIONAL");
        assertThat(domain.at("/Properties/MutualTlsAuthentication/TruststoreUri").asText()).isEqualTo("TruststoreUri");
        assertThat(template.at("/Resources/HttpApi/Properties/DisableExecuteApiEndpoint").toString())
                .contains("HasCustomDomain");
        assertThat(template.at("/Resources/HttpApi/Properties/DefaultRouteSettings/ThrottlingRateLimit").isMissingNode())
                .isFalse();
    }

    @Test
    void outputsTheFourUrlsAndARabbitmqConfWithExplicitPort443() {
        JsonNode outputs = template.path("Outputs");
        for (String name : List.of("UserUrl", "VhostUrl", "ResourceUrl", "TopicUrl")) {
            assertThat(outputs.has(name)).as(name).isTrue();
        }
        String conf = outputs.at("/RabbitmqConf/Value").toString();
        for (AuthPath p : AuthPath.values()) {
            assertThat(conf).contains("auth_http." + p.label() + "_path = ${Base}" + p.path());
        }
        assertThat(conf).contains("auth_http.http_method = post").contains(":443");
    }
}
