package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `warren serve` as an operator runs it: the shaded jar in its own JVM, stopped with SIGTERM. */
class ServeProcessIT {

    private static final Pattern LISTENING = Pattern.compile("^listening on (http://\\S+)$");

    @Test
    void servesTheSampleDefinitionsAndStopsOnSigterm() throws Exception {
        Path jar = Path.of("target", "warren-cli.jar");
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "serve", "--definitions",
                Path.of("..", "examples", "definitions.json").toString(), "--port", "0")
                .redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out.lines().forEach(output::add);
            } catch (IOException | UncheckedIOException e) {
                // the process is gone
            }
        });
        try {
            String url = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (url == null && System.nanoTime() < deadline && (process.isAlive() || !output.isEmpty())) {
                synchronized (output) {
                    for (String line : output) {
                        Matcher m = LISTENING.matcher(line);
                        if (m.matches()) {
                            url = m.group(1);
                        }
                    }
                }
                if (url == null) {
                    Thread.sleep(50);
                }
            }
            assertThat(url).as("listening line in %s", output).isNotNull();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url + "/auth/user"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin-secret")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body()).isEqualTo("allow administrator");
            HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(URI.create(url + "/auth/user"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=Sup3r-s3cret-guess")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.body()).isEqualTo("deny");

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stops within 10 s of SIGTERM").isTrue();
            reader.join(5_000);
            String log;
            synchronized (output) {
                log = String.join("\n", output);
            }
            assertThat(log).contains("\"decision\":\"allow\"").contains("wrong password");
            assertThat(log).as("never logs a password").doesNotContain("admin-secret").doesNotContain("Sup3r-s3cret-guess");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void badDefinitionsFailStartWithTheEntry() throws Exception {
        Path bad = Files.createTempFile("warren-bad", ".json");
        Files.writeString(bad, "{\"users\": [{\"name\": \"bob\", \"password_hash\": \"kI3G\"}]}");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", Path.of("target", "warren-cli.jar").toString(), "serve",
                "--definitions", bad.toString(), "--port", "0").redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("users[0] ('bob')");
    }
}
