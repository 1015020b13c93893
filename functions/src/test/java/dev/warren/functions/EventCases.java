package dev.warren.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.definitions.DefinitionsException;
import dev.warren.definitions.DefinitionsReader;
import dev.warren.protocol.DecisionRecord;
import dev.warren.protocol.HttpEdge;
import dev.warren.service.AuthServices;
import dev.warren.store.InMemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The expected answers of {@code events/}, read from the table in {@code events/README.md}. */
public final class EventCases {

    /** One row: the event file, the function it is meant for, the expected status and body. */
    public record Case(String file, String function, int status, String body) {
        public Path path() {
            return events().resolve(file);
        }

        /** "user", "vhost", ... from the function's logical id. */
        public String label() {
            return function.replace("CheckFunction", "").toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private static final Pattern ROW = Pattern.compile(
            "^\\| \\[`([^`]+\\.json)`]\\([^)]+\\) \\| `(\\w+)` \\|.*\\| (\\d{3}) \\| `([^`]*)` \\|$");

    private EventCases() {
    }

    /** The repository root: the nearest directory above the working directory holding events/README.md. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("events/README.md"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("events/README.md not found above " + Path.of("").toAbsolutePath());
    }

    public static Path events() {
        return root().resolve("events");
    }

    public static Path sampleDefinitions() {
        return root().resolve("examples/definitions.json");
    }

    /** The HTTP edge over the sample definitions, adding every decision record to {@code records}. */
    public static HttpEdge sampleEdge(List<DecisionRecord> records) throws DefinitionsException {
        InMemoryStore store = new InMemoryStore(DefinitionsReader.read(sampleDefinitions()));
        return new HttpEdge(AuthServices.over(store, store), r -> {
            synchronized (records) {
                records.add(r);
            }
        });
    }

    public static List<Case> all() {
        try {
            List<Case> cases = new ArrayList<>();
            for (String line : Files.readAllLines(events().resolve("README.md"))) {
                Matcher m = ROW.matcher(line);
                if (m.matches()) {
                    cases.add(new Case(m.group(1), m.group(2), Integer.parseInt(m.group(3)), m.group(4)));
                }
            }
            List<String> files;
            try (Stream<Path> listing = Files.list(events())) {
                files = listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
            }
            assertThat(cases.stream().map(Case::file).sorted().toList())
                    .as("every events/*.json has exactly one row in events/README.md").isEqualTo(files);
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
