package dev.warren.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.warren.config.LoginSettings;
import dev.warren.config.ThrottleScope;
import dev.warren.config.WarrenConfig;
import dev.warren.policy.AuthPath;
import dev.warren.store.aws.ThrottleItems;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void globalsAreJava25Arm64SnapStartBehindAnAliasWithTheFullJit() {
        JsonNode g = template.at("/Globals/Function");
        assertThat(g.path("Runtime").asText()).isEqualTo("java25");
        assertThat(g.at("/Environment/Variables/JAVA_TOOL_OPTIONS").asText())
                .as("the user function must not verify passwords under C1 alone")
                .doesNotContain("TieredStopAtLevel=1").doesNotContain("-TieredCompilation");
        assertThat(g.path("Architectures").get(0).asText()).isEqualTo("arm64");
        assertThat(g.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(g.path("AutoPublishAlias").asText()).isNotBlank();
        assertThat(g.path("MemorySize").asInt()).isPositive();
        assertThat(g.path("AutoPublishAliasAllProperties").asBoolean()).isTrue();
    }

    /**
     * RabbitMQ's handshake_timeout (10 s) covers a login and a vhost check: each function's timeout
     * stays under it with both together, and the broker's request_timeout (RabbitmqConf) above the
     * longest function timeout, so the broker reads warren's deny, not its own timeout.
     */
    @Test
    void timeoutsFitTheBrokersHandshakeAndRequestTimeouts() {
        int global = template.at("/Globals/Function/Timeout").asInt();
        Map<String, Integer> timeout = new java.util.TreeMap<>();
        functions().forEach((name, f) -> timeout.put(name, f.at("/Properties/Timeout").asInt(global)));
        int user = timeout.get("UserCheckFunction");
        int vhost = timeout.get("VhostCheckFunction");
        assertThat(user + vhost).as("login + vhost check, s").isLessThan(10);
        assertThat(timeout.values()).allMatch(t -> t >= 3);
        int awsMax = template.at("/Parameters/AwsTimeoutMillis/MaxValue").asInt();
        // the shared throttle's read and update get half of WARREN_AWS_TIMEOUT_MILLIS each (DynamoDbLoginThrottle)
        assertThat(3 * awsMax + 2 * (awsMax / 2) + 1000).as("user: three AWS calls + two throttle calls + one hash, ms")
                .isLessThanOrEqualTo(user * 1000);
        assertThat(2 * awsMax).as("checks: two AWS calls, ms").isLessThan(timeout.get("ResourceCheckFunction") * 1000);
        String conf = template.at("/Outputs/RabbitmqConf/Value").toString();
        Matcher m = Pattern.compile("auth_http.request_timeout = (\\d+)").matcher(conf);
        assertThat(m.find()).isTrue();
        int requestTimeout = Integer.parseInt(m.group(1));
        assertThat(requestTimeout).isGreaterThan(user * 1000).isLessThan(10_000);
        assertThat(conf).contains("auth_http.connection_timeout = ");
    }

    @Test
    void callerAuthenticationIsARequiredChoiceThatReachesEveryFunction() {
        JsonNode p = template.at("/Parameters/CallerAuthentication");
        assertThat(p.has("Default")).as("no silent default").isFalse();
        List<String> values = new ArrayList<>();
        p.path("AllowedValues").forEach(v -> values.add(v.asText()));
        assertThat(values).containsExactlyInAnyOrder("mtls", "basic", "public");
        assertThat(p.path("Description").asText()).contains("public").contains("guess passwords");
        JsonNode env = template.at("/Globals/Function/Environment/Variables");
        assertThat(env.path(dev.warren.functions.caller.CallerSettings.MODE).asText()).isEqualTo("CallerAuthentication");
        assertThat(env.path(dev.warren.functions.caller.CallerSettings.SUBJECTS).asText())
                .isEqualTo("ClientCertificateSubjects");
        assertThat(env.path(dev.warren.functions.caller.CallerSettings.SECRET_ID).toString()).contains("CallerSecret");
        JsonNode secret = template.at("/Resources/CallerSecret");
        assertThat(secret.path("Condition").asText()).isEqualTo("IsBasic");
        assertThat(secret.at("/Properties/GenerateSecretString/ExcludePunctuation").asBoolean()).isTrue();
        assertThat(template.path("Outputs").toString()).doesNotContain("SecretString").doesNotContain("resolve:secretsmanager");
    }

    @Test
    void reservedConcurrencyPerFunctionAndALowerThrottleOnLogins() {
        functions().forEach((name, f) -> assertThat(f.at("/Properties/ReservedConcurrentExecutions").toString())
                .as(name).contains(name.equals("UserCheckFunction") ? "UserFunctionConcurrency" : "CheckFunctionConcurrency"));
        assertThat(template.at("/Parameters/UserThrottlingRateLimit/Default").asInt())
                .isLessThan(template.at("/Parameters/ThrottlingRateLimit/Default").asInt());
        template.at("/Resources/UserCheckFunction/Properties/Events").forEach(e ->
                assertThat(e.at("/Properties/RouteSettings/ThrottlingRateLimit").asText()).isEqualTo("UserThrottlingRateLimit"));
    }

    @Test
    void amazonMqRoleIsTrustedOnlyByAmazonMqOfThisAccountAndReadsOnlyTheCertificateFiles() {
        JsonNode role = template.at("/Resources/AmazonMqRole");
        assertThat(role.path("Condition").asText()).isEqualTo("HasAmazonMqRole");
        JsonNode trust = role.at("/Properties/AssumeRolePolicyDocument/Statement/0");
        assertThat(trust.at("/Principal/Service").asText()).isEqualTo("mq.amazonaws.com");
        assertThat(trust.at("/Condition/StringEquals/aws:SourceAccount").asText()).isEqualTo("AWS::AccountId");
        assertThat(trust.at("/Condition/ArnLike/aws:SourceArn").toString()).contains("AmazonMqBrokerArn").contains(":broker:*");
        List<String> actions = new ArrayList<>();
        role.at("/Properties/Policies/0/PolicyDocument/Statement").forEach(s -> {
            s.path("Action").forEach(a -> actions.add(a.asText()));
            assertThat(s.path("Resource").toString()).doesNotContain("\"*\"");
        });
        assertThat(actions).containsExactlyInAnyOrder("s3:GetObject", "secretsmanager:GetSecretValue");
        String conf = template.at("/Outputs/AmazonMqRabbitmqConf/Value").asText();
        for (String key : List.of("aws.arns.assume_role_arn = ${AmazonMqRole.Arn}",
                "aws.arns.auth_http.ssl_options.cacertfile = ${AmazonMqCaCertificateArn}",
                "aws.arns.auth_http.ssl_options.certfile = ${AmazonMqClientCertificateArn}",
                "aws.arns.auth_http.ssl_options.keyfile = ${AmazonMqClientKeySecretArn}",
                "auth_cache.cached_backend = http", "auth_http.http_method = post")) {
            assertThat(conf).contains(key);
        }
        // Amazon MQ refuses file paths: only the aws.arns.* forms of the certificate files
        assertThat(conf).doesNotContainPattern("(?m)^auth_http\\.ssl_options\\.(certfile|keyfile|cacertfile)");
        assertThat(template.at("/Outputs/AmazonMqRoleArn/Condition").asText()).isEqualTo("HasAmazonMqRole");
    }

    @Test
    void everyWarrenSettingIsOneWarrenConfigReads() throws Exception {
        Set<String> known = new HashSet<>();
        for (Class<?> settings : List.of(WarrenConfig.class, LoginSettings.class,
                dev.warren.functions.caller.CallerSettings.class)) {
            for (Field field : settings.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                        && String.valueOf(field.get(null)).startsWith("WARREN_")) {
                    known.add((String) field.get(null));
                }
            }
        }
        List<String> used = new ArrayList<>();
        template.at("/Globals/Function/Environment/Variables").fieldNames().forEachRemaining(used::add);
        assertThat(used).contains("WARREN_TABLE", "WARREN_SECRET_PREFIX");
        assertThat(used.stream().filter(n -> n.startsWith("WARREN_")).toList()).allMatch(known::contains);
        functions().forEach((name, f) -> {
            List<String> own = new ArrayList<>();
            f.at("/Properties/Environment/Variables").fieldNames().forEachRemaining(own::add);
            assertThat(own).allMatch(known::contains);
            if (name.equals("UserCheckFunction")) {
                assertThat(own).as("the throttle is the user function's alone").containsExactlyInAnyOrder(
                        LoginSettings.THROTTLE_FAILURES, LoginSettings.THROTTLE_WINDOW, LoginSettings.THROTTLE_SCOPE);
            } else {
                assertThat(own).as(name).isEmpty();
            }
        });
        List<String> scopes = new ArrayList<>();
        template.at("/Parameters/ThrottleScope/AllowedValues").forEach(v -> scopes.add(v.asText()));
        assertThat(scopes).containsExactlyInAnyOrder(ThrottleScope.INSTANCE.label(), ThrottleScope.SHARED.label());
        assertThat(template.at("/Parameters/ThrottleScope/Default").asText()).isEqualTo(ThrottleScope.INSTANCE.label());
        assertThat(template.at("/Parameters/ThrottleFailures/Default").asInt()).as("off by default").isZero();
        assertThat(template.at("/Rules/SharedThrottleNeedsALimit").toString()).contains("ThrottleFailures");
    }

    @Test
    void iamIsReadOnlyOnTheTableAndSecretsOnlyForTheUserFunction() {
        functions().forEach((name, f) -> {
            List<String> actions = new ArrayList<>();
            f.at("/Properties/Policies").forEach(p -> {
                if (p.isArray() && p.get(0).asText().equals("SharedThrottle")) {
                    // !If [SharedThrottle, {count failed logins}, !Ref AWS::NoValue]: the user function only
                    assertThat(name).isEqualTo("UserCheckFunction");
                    assertThat(p.get(1).path("Statement")).hasSize(1);
                    JsonNode s = p.get(1).at("/Statement/0");
                    assertThat(s.path("Action").toString()).isEqualTo("[\"dynamodb:GetItem\",\"dynamodb:UpdateItem\"]");
                    assertThat(s.path("Resource").toString()).contains("Table.Arn");
                    assertThat(s.at("/Condition/ForAllValues:StringLike/dynamodb:LeadingKeys").toString())
                            .as("only the counter items, never a user's").isEqualTo("[\"" + ThrottleItems.PARTITION_PREFIX + "*\"]");
                    assertThat(p.get(2).asText()).isEqualTo("AWS::NoValue");
                    return;
                }
                if (p.isArray()) {
                    // !If [IsBasic, {read the caller secret}, !Ref AWS::NoValue]: every function, basic only
                    assertThat(p.get(0).asText()).isEqualTo("IsBasic");
                    JsonNode s = p.get(1).at("/Statement/0");
                    assertThat(s.path("Action").toString()).isEqualTo("[\"secretsmanager:GetSecretValue\"]");
                    assertThat(s.path("Resource").asText()).isEqualTo("CallerSecret");
                    assertThat(p.get(2).asText()).isEqualTo("AWS::NoValue");
                    return;
                }
                p.path("Statement").forEach(s -> {
                    assertThat(s.path("Effect").asText()).isEqualTo("Allow");
                    s.path("Action").forEach(a -> actions.add(a.asText()));
                    if (s.path("Action").toString().contains("secretsmanager")) {
                        assertThat(s.path("Resource").asText()).contains(":secret:${SecretPrefix}*");
                    }
                });
            });
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
        assertThat(table.at("/TimeToLiveSpecification/AttributeName").asText()).isEqualTo(ThrottleItems.EXPIRES_AT);
        assertThat(table.at("/TimeToLiveSpecification/Enabled").asBoolean()).isTrue();
        assertThat(template.at("/Conditions/SharedThrottle").toString()).contains("ThrottleScope").contains("shared");
    }

    @Test
    void customDomainIsRegionalWithMutualTls() {
        JsonNode domain = template.at("/Resources/CustomDomain");
        assertThat(domain.path("Condition").asText()).isEqualTo("HasCustomDomain");
        assertThat(template.at("/Conditions/HasCustomDomain").toString()).contains("CallerAuthentication").contains("mtls");
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
        assertThat(conf).contains("auth_backends.1 = cache").contains("auth_cache.cached_backend = http")
                .contains("auth_cache.cache_ttl = ");
        assertThat(conf.indexOf("auth_backends.1 = cache")).isLessThan(conf.indexOf("auth_http.user_path"));
        String tls = template.at("/Outputs/RabbitmqConf/Value/1/Tls").toString();
        assertThat(tls).contains("HasCustomDomain").contains("auth_http.ssl_options.certfile")
                .contains("auth_http.ssl_options.keyfile").contains("auth_http.ssl_options.verify = verify_peer");
    }

    /** The Java side of the version check; scripts/template-versions runs the SAM translator. */
    @Test
    void settingsReachTheAliasThroughVersionDescriptions() {
        functions().forEach((name, f) -> {
            Set<String> described = parametersIn(f.at("/Properties/VersionDescription"));
            assertThat(described).as(name).contains("TableName", "SecretPrefix", "PolicyTtlSeconds", "StaleSeconds",
                    "AwsTimeoutMillis", "DenyReasons", "CallerAuthentication", "ClientCertificateSubjects");
            for (String p : List.of("ThrottleFailures", "ThrottleWindowSeconds", "ThrottleScope")) {
                assertThat(described.contains(p)).as(name + " " + p).isEqualTo(name.equals("UserCheckFunction"));
            }
        });
    }

    /** Each choice of a parameter the descriptions shorten to one character has its own character. */
    @Test
    void shortCodesCoverEveryAllowedValueOnce() {
        JsonNode codes = template.at("/Mappings/ShortCode");
        assertThat(codes.size()).isPositive();
        codes.fieldNames().forEachRemaining(parameter -> {
            Set<String> allowed = new HashSet<>();
            template.at("/Parameters/" + parameter + "/AllowedValues").forEach(v -> allowed.add(v.asText()));
            Set<String> keys = new HashSet<>();
            Set<String> chars = new HashSet<>();
            codes.get(parameter).properties().forEach(e -> {
                keys.add(e.getKey());
                chars.add(e.getValue().asText());
                assertThat(e.getValue().asText()).as(parameter + " " + e.getKey()).hasSize(1);
            });
            assertThat(keys).as(parameter).isEqualTo(allowed);
            assertThat(chars).as(parameter + ": distinct codes").hasSameSizeAs(keys);
        });
    }

    /**
     * The parameters a {@code !Sub} names: {@code ${P}} in its text, or a variable bound to
     * {@code !FindInMap [ShortCode, P, !Ref P]} and named in its text.
     */
    private static Set<String> parametersIn(JsonNode sub) {
        String text = sub.isArray() ? sub.get(0).asText() : sub.asText();
        Set<String> named = new HashSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9]+)}").matcher(text);
        while (m.find()) {
            named.add(m.group(1));
        }
        Set<String> parameters = new HashSet<>();
        for (String n : named) {
            JsonNode bound = sub.isArray() ? sub.get(1).get(n) : null;
            if (bound == null) {
                parameters.add(n);
            } else if (bound.isArray() && bound.size() == 3 && bound.get(0).asText().equals("ShortCode")
                    && bound.get(1).asText().equals(bound.get(2).asText())) {
                parameters.add(bound.get(1).asText());
            }
        }
        return parameters;
    }
}
