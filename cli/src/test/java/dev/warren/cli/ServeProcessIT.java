package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** `warren serve` as an operator runs it: the shaded jar in its own JVM, stopped with SIGTERM. */
class ServeProcessIT {

    @Test
    void servesTheSampleDefinitionsAndStopsOnSigterm() throws Exception {
        try (ServeProcess serve = ServeProcess.start(List.of(), "--definitions",
                Path.of("..", "examples", "definitions.json").toString(), "--port", "0")) {
            String url = serve.awaitUrl();
            assertThat(url).as("listening line in %s", serve.output()).isNotNull();
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

            assertThat(serve.stop()).as("stops within 10 s of SIGTERM").isTrue();
            String log = serve.output();
            assertThat(log).contains("\"decision\":\"allow\"").contains("wrong password");
            assertThat(log).as("never logs a password").doesNotContain("admin-secret").doesNotContain("Sup3r-s3cret-guess");
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
