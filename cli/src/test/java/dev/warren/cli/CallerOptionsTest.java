package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.functions.caller.CallerCredentials;
import dev.warren.functions.caller.CallerVerdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CallerOptionsTest {

    @TempDir
    Path dir;

    static CallerOptions parse(String... args) {
        CallerOptions options = new CallerOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    static CallerCredentials basic(String userPass) {
        return new CallerCredentials("Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8)),
                null);
    }

    @Test
    void noSecretMeansAnyCaller() {
        assertThat(parse().callers(Map.of()).mode()).isEqualTo("public");
    }

    @Test
    void secretFromAFileFirstLineOrFromTheEnvironment() throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), "rabbitmq:s3cret\n");
        var fromFile = parse("--basic-auth-secret-file", file.toString()).callers(Map.of());
        assertThat(fromFile.mode()).isEqualTo("basic");
        assertThat(fromFile.check(basic("rabbitmq:s3cret"))).isEqualTo(CallerVerdict.PASSED);
        assertThat(fromFile.check(basic("rabbitmq:s3cret\n"))).isEqualTo(CallerVerdict.WRONG_CREDENTIALS);
        var fromEnv = parse().callers(Map.of(CallerOptions.SECRET_ENV, "u:p"));
        assertThat(fromEnv.check(basic("u:p"))).isEqualTo(CallerVerdict.PASSED);
        assertThat(fromEnv.check(CallerCredentials.NONE)).isEqualTo(CallerVerdict.NO_CREDENTIALS);
    }

    @Test
    void badSecretsStopTheServerWithoutPrintingThem() throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), "nocolon-s3cret\n");
        assertThatThrownBy(() -> parse("--basic-auth-secret-file", file.toString()).callers(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("nocolon-s3cret");
        assertThatThrownBy(() -> parse("--basic-auth-secret-file", dir.resolve("missing").toString()).callers(Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("--basic-auth-secret-file", file.toString())
                .callers(Map.of(CallerOptions.SECRET_ENV, "u:p"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not both");
    }
}
