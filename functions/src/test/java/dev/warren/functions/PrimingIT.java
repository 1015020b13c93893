package dev.warren.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.functions.caller.CallerSettings;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SnapStart priming, shown by class loading in fresh JVMs on the shaded jar: without the CRaC
 * hooks the first request loads hundreds of warren, Powertools, log4j and Jackson classes; after
 * {@code beforeCheckpoint} and {@code afterRestore} it loads none of them.
 */
class PrimingIT {

    /** Packages the priming covers: everything of the function's own request path but the JDK. */
    static final List<String> COVERED = List.of("dev.warren.", "software.amazon.lambda.powertools.",
            "org.apache.logging.", "org.slf4j.", "com.fasterxml.jackson.", "software.amazon.cloudwatchlogs.",
            "com.amazonaws.services.lambda.");
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source:");

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"UserCheck", "VhostCheck", "ResourceCheck", "TopicCheck"})
    void theFirstRequestAfterTheHooksLoadsNoClassThePrimingCovers(String handlerClass) throws Exception {
        EventCases.Case event = EventCases.all().stream()
                .filter(c -> c.function().equals(handlerClass + "Function") && c.body().startsWith("allow"))
                .findFirst().orElseThrow();

        List<String> cold = coveredClassesLoadedByTheFirstRequest(handlerClass, event, "cold");
        List<String> primed = coveredClassesLoadedByTheFirstRequest(handlerClass, event, "primed");

        assertThat(cold).as("without priming the first request loads the path's classes").hasSizeGreaterThan(100);
        assertThat(primed).as("after the hooks, classes the first request still loaded").isEmpty();
    }

    private List<String> coveredClassesLoadedByTheFirstRequest(String handlerClass, EventCases.Case event,
                                                               String mode) throws Exception {
        Path output = work.resolve(handlerClass + "-" + mode + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout", "-Xshare:auto",
                "-cp", PackagingIT.JAR + File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath(),
                FirstRequestProbe.class.getName(), "dev.warren.functions." + handlerClass,
                event.path().toString(), mode);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("WARREN_") || k.startsWith("POWERTOOLS_"));
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "warren-priming-test");
        env.put("POWERTOOLS_SERVICE_NAME", "warren");
        env.put("POWERTOOLS_METRICS_NAMESPACE", "Warren");
        env.put(FunctionEnvironment.LOCAL_DEFINITIONS, EventCases.sampleDefinitions().toString());
        env.put(CallerSettings.MODE, "mtls");
        env.put(CallerSettings.SUBJECTS, CallerGateTest.EVENT_SUBJECT);
        builder.redirectErrorStream(true).redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("probe did not finish: " + Files.readString(output));
        }
        List<String> lines = Files.readAllLines(output);
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        int before = lines.indexOf(FirstRequestProbe.BEFORE);
        int after = indexOfPrefix(lines, FirstRequestProbe.AFTER);
        assertThat(before).as("marker before the request").isNotNegative();
        assertThat(after).as("marker after the request").isGreaterThan(before);
        assertThat(lines.get(after)).as("the probe's answer").endsWith("200 " + event.body());
        List<String> covered = new ArrayList<>();
        for (String line : lines.subList(before, after)) {
            Matcher m = LOADED.matcher(line);
            if (m.find() && COVERED.stream().anyMatch(m.group(1)::startsWith)) {
                covered.add(m.group(1));
            }
        }
        return covered;
    }

    private static int indexOfPrefix(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
