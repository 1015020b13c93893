package dev.warren.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold starts of warren's user function against the SDK floor, in fresh JVMs taken in turn, as
 * {@code scripts/cold-start} sets them up (moto_server with the sample definitions imported, the
 * artifact that {@code make build-UserCheckFunction} produces). Each JVM gets the template's
 * environment and {@code JAVA_TOOL_OPTIONS} (or the C1-only flags, for comparison) and Lambda's
 * variables; the time is measured here, from starting the JVM to reading its answer. Prints one
 * Markdown table of medians.
 *
 * <p>Arguments: template.yaml, artifact dir (with lib/), probe classes dir, runs, table, login form
 * (fast RabbitMQ hash), login form (PBKDF2 user), partition key, secret id.
 */
public final class ColdStartBenchmark {

    static final String C1_ONLY = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    /** One kind of JVM to start. */
    record Series(String label, String javaToolOptions, List<String> probe) {
    }

    /** What one JVM reported, plus the wall time measured here. */
    record Run(double totalMs, double initMs, double requestMs, String answer) {
    }

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(Path.of(args[0]).toFile());
        Path jar = Path.of(args[1], "lib", "warren-functions.jar");
        String classpath = jar + File.pathSeparator + args[2];
        int runs = Integer.parseInt(args[3]);
        Map<String, String> env = functionEnvironment(template, args[4]);
        String templateOptions = env.getOrDefault("JAVA_TOOL_OPTIONS", "");
        String handler = template.at("/Resources/UserCheckFunction/Properties/Handler").asText().split("::")[0];

        List<Series> series = new ArrayList<>();
        for (String options : List.of(templateOptions, C1_ONLY)) {
            String flags = options.equals(templateOptions) ? "template flags" : "C1 only";
            series.add(new Series("SDK floor (" + flags + ")", options,
                    List.of(FloorProbe.class.getName(), args[4], args[7], args[8])));
            series.add(new Series("warren user function (" + flags + ")", options,
                    List.of(FunctionProbe.class.getName(), handler, "POST", args[5], "cold")));
        }
        series.add(new Series("warren, first request after the SnapStart hooks (template flags)", templateOptions,
                List.of(FunctionProbe.class.getName(), handler, "POST", args[5], "primed")));
        series.add(new Series("warren, PBKDF2 login (template flags)", templateOptions,
                List.of(FunctionProbe.class.getName(), handler, "POST", args[6], "cold")));
        series.add(new Series("warren, PBKDF2 login (C1 only)", C1_ONLY,
                List.of(FunctionProbe.class.getName(), handler, "POST", args[6], "cold")));

        Map<Series, List<Run>> results = new LinkedHashMap<>();
        series.forEach(s -> results.put(s, new ArrayList<>()));
        for (int i = 0; i < runs; i++) {
            for (Series s : series) {
                Run run = start(classpath, env, s);
                results.get(s).add(run);
                System.err.printf("run %d %s: %.0f ms (init %.0f, request %.0f) %s%n",
                        i + 1, s.label(), run.totalMs(), run.initMs(), run.requestMs(), run.answer());
            }
        }
        print(runs, templateOptions, results);
    }

    /** The template's Globals environment with its references resolved for the benchmark, plus Lambda's. */
    static Map<String, String> functionEnvironment(JsonNode template, String table) {
        Map<String, String> env = new HashMap<>();
        template.at("/Globals/Function/Environment/Variables").fields().forEachRemaining(e -> {
            String value = e.getValue().asText();
            JsonNode parameter = template.at("/Parameters/" + value + "/Default");
            env.put(e.getKey(), value.equals("Table") ? table : parameter.isMissingNode() ? value : parameter.asText());
        });
        // The caller check is the cheapest mode here: the broker's identity is not what is measured.
        env.put("WARREN_CALLER_AUTH", "public");
        env.put("WARREN_CALLER_SECRET_ID", "");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "warren-cold-start");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", template.at("/Globals/Function/MemorySize").asText("1024"));
        for (String name : List.of("AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL",
                "PATH", "HOME")) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return env;
    }

    static Run start(String classpath, Map<String, String> env, Series series) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath));
        command.addAll(series.probe());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("JAVA_TOOL_OPTIONS", series.javaToolOptions());
        long started = System.nanoTime();
        Process process = builder.start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                    break;
                }
            }
            long answered = System.nanoTime();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            if (result == null) {
                throw new IllegalStateException(series.label() + ": no RESULT line (exit " + process.exitValue() + ")");
            }
            String[] parts = result.split(" ", 5);
            return new Run((answered - started) / 1e6, Long.parseLong(parts[1]) / 1e3, Long.parseLong(parts[2]) / 1e3,
                    parts[3] + " " + parts[4]);
        }
    }

    static void print(int runs, String templateOptions, Map<Series, List<Run>> results) {
        System.out.printf("%nMedians of %d fresh JVMs per row, taken in turn; template JAVA_TOOL_OPTIONS: `%s`%n%n",
                runs, templateOptions);
        System.out.println("| JVM | JVM start → answer | of which init | first request | answer |");
        System.out.println("|---|---:|---:|---:|---|");
        Map<String, Double> totals = new HashMap<>();
        results.forEach((s, list) -> {
            double total = median(list.stream().mapToDouble(Run::totalMs).toArray());
            totals.put(s.label(), total);
            System.out.printf("| %s | %,.0f ms | %,.0f ms | %,.0f ms | `%s` |%n", s.label(), total,
                    median(list.stream().mapToDouble(Run::initMs).toArray()),
                    median(list.stream().mapToDouble(Run::requestMs).toArray()), list.get(0).answer());
        });
        System.out.println();
        for (String flags : List.of("template flags", "C1 only")) {
            System.out.printf("warren / floor (%s): %.2f×%n", flags,
                    totals.get("warren user function (" + flags + ")") / totals.get("SDK floor (" + flags + ")"));
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
