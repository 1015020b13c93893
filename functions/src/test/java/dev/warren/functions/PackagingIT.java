package dev.warren.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The shaded jar that template.yaml deploys: its handlers load from it alone, and no forbidden HTTP client is inside. */
class PackagingIT {

    static final Path JAR = EventCases.root().resolve("functions/target/warren-functions.jar");

    static final List<String> FORBIDDEN = List.of(
            "org/apache/http/", "org/apache/hc/", "io/netty/",
            "software/amazon/awssdk/http/apache/", "software/amazon/awssdk/http/apache5/",
            "software/amazon/awssdk/http/nio/netty/", "software/amazon/awssdk/http/crt/", "software/amazon/awssdk/crt/");

    @Test
    void everyTemplateHandlerIsAHandlerClassInTheJarAlone() throws Exception {
        JsonNode template = new ObjectMapper(new YAMLFactory())
                .readTree(EventCases.root().resolve("template.yaml").toFile());
        List<String> handlers = new ArrayList<>();
        template.get("Resources").forEach(r -> {
            if (r.path("Type").asText().equals("AWS::Serverless::Function")) {
                handlers.add(r.at("/Properties/Handler").asText());
            }
        });
        assertThat(handlers).hasSize(4);
        // Only the jar and the JDK: what the Lambda runtime's customer class loader sees.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> requestHandler = loader.loadClass("com.amazonaws.services.lambda.runtime.RequestHandler");
            for (String handler : handlers) {
                String[] parts = handler.split("::");
                Class<?> type = loader.loadClass(parts[0]);
                assertThat(type.getClassLoader()).isSameAs(loader);
                assertThat(requestHandler).isAssignableFrom(type);
                assertThat(type.getMethods()).anyMatch(m -> m.getName().equals(parts[1]));
            }
        }
    }

    @Test
    void holdsNoApacheNettyOrCrtClient() throws Exception {
        List<String> found = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            jar.stream().map(JarEntry::getName)
                    .filter(name -> FORBIDDEN.stream().anyMatch(name::startsWith))
                    .forEach(found::add);
            assertThat(found).isEmpty();
            assertThat(jar.getEntry("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class"))
                    .isNotNull();
        }
    }

    @Test
    void holdsNoWriteSide() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            // admin verbs, import, export and table creation live in warren-admin, which only the CLI uses
            assertThat(jar.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith("dev/warren/admin/") || name.startsWith("dev/warren/cli/")))
                    .isEmpty();
            assertThat(jar.getEntry("dev/warren/store/aws/DynamoDbPolicyStore.class")).isNotNull();
        }
    }

    @Test
    void mergesTheLog4jPluginCachesAndShipsTheLogConfiguration() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            JarEntry cache = jar.getJarEntry("META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat");
            assertThat(cache).isNotNull();
            try (InputStream in = jar.getInputStream(cache)) {
                String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(text).contains("JsonTemplateLayout").contains("PowertoolsResolver").contains("Console");
            }
            assertThat(jar.getEntry("log4j2.xml")).isNotNull();
            assertThat(jar.getEntry("LambdaJsonLayout.json")).isNotNull();
        }
    }

    /** The size budget of the functions jar (issue #12): handlers, policy, read-side stores and their libraries. */
    static final long MAX_JAR_BYTES = 15_000_000;

    @Test
    void staysWithinItsSizeBudget() throws Exception {
        long size = Files.size(JAR);
        System.out.printf("warren-functions.jar: %,d bytes (budget %,d)%n", size, MAX_JAR_BYTES);
        assertThat(size).as("warren-functions.jar size in bytes").isLessThanOrEqualTo(MAX_JAR_BYTES);
    }

    @Test
    void carriesNoLibraryTheHandlersNeverLoad() throws Exception {
        List<String> dropped = List.of("org/joda/time/", "io/burt/jmespath/", "com/fasterxml/jackson/datatype/joda/",
                "META-INF/maven/", "com/amazonaws/services/lambda/runtime/events/S3Event.class");
        List<String> found = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            jar.stream().map(JarEntry::getName)
                    .filter(name -> dropped.stream().anyMatch(name::startsWith))
                    .forEach(found::add);
            assertThat(found).isEmpty();
            assertThat(jar.getEntry("com/amazonaws/services/lambda/runtime/events/APIGatewayV2HTTPEvent.class"))
                    .isNotNull();
        }
    }
}
