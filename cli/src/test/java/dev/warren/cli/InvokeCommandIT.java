package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code warren invoke FUNCTION EVENT --definitions FILE} gives every events/ file its documented answer. */
class InvokeCommandIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern ROW = Pattern.compile(
            "^\\| \\[`([^`]+\\.json)`]\\([^)]+\\) \\| `(\\w+)CheckFunction` \\|.*\\| (\\d{3}) \\| `([^`]*)` \\|$");

    static Stream<Arguments> events() throws Exception {
        List<String> rows = Files.readAllLines(ROOT.resolve("events/README.md"));
        return rows.stream().map(ROW::matcher).filter(Matcher::matches)
                .map(m -> Arguments.of(m.group(1), m.group(2).toLowerCase(java.util.Locale.ROOT),
                        Integer.parseInt(m.group(3)), m.group(4)));
    }

    @ParameterizedTest(name = "invoke {1} events/{0}")
    @MethodSource("events")
    void printsTheDocumentedResponse(String file, String function, int status, String body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new WarrenCommand()).execute("invoke", function,
                    ROOT.resolve("events").resolve(file).toString(),
                    "--definitions", ROOT.resolve("examples/definitions.json").toString());
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isZero();
        JsonNode response = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(response.path("statusCode").asInt()).isEqualTo(status);
        assertThat(response.path("body").asText()).isEqualTo(body);
        assertThat(response.path("isBase64Encoded").asBoolean()).isFalse();
    }
}
