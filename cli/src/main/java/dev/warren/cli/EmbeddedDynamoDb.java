package dev.warren.cli;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local, the real engine, running in this process with an in-memory database. Its
 * sqlite4java native libraries travel in the jar under {@code /sqlite4java/} and are extracted to a
 * temporary directory on start, unless {@code sqlite4java.library.path} is already set.
 */
final class EmbeddedDynamoDb implements AutoCloseable {

    private static final String LIBRARY_PATH = "sqlite4java.library.path";
    private static final List<String> NATIVES = List.of(
            "libsqlite4java-linux-amd64.so", "libsqlite4java-osx.dylib", "sqlite4java-win32-x64.dll");

    /** Held so that the level set on it sticks: sqlite4java warns "unknown jar version" from a shaded jar. */
    private static final java.util.logging.Logger SQLITE_LOG = java.util.logging.Logger.getLogger("com.almworks.sqlite4java");

    private final AmazonDynamoDBLocal local;
    private final DynamoDbClient client;

    private EmbeddedDynamoDb(AmazonDynamoDBLocal local) {
        this.local = local;
        this.client = local.dynamoDbClient();
    }

    static synchronized EmbeddedDynamoDb start() {
        SQLITE_LOG.setLevel(java.util.logging.Level.SEVERE);
        if (System.getProperty(LIBRARY_PATH) == null) {
            System.setProperty(LIBRARY_PATH, extractNatives().toString());
        }
        return new EmbeddedDynamoDb(DynamoDBEmbedded.create(true));
    }

    DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        local.shutdown();
    }

    private static Path extractNatives() {
        try {
            Path dir = Files.createTempDirectory("warren-sqlite4java-");
            dir.toFile().deleteOnExit();
            int found = 0;
            for (String name : NATIVES) {
                try (InputStream in = EmbeddedDynamoDb.class.getResourceAsStream("/sqlite4java/" + name)) {
                    if (in == null) {
                        continue;
                    }
                    Path target = dir.resolve(name);
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    target.toFile().deleteOnExit();
                    found++;
                }
            }
            if (found == 0) {
                throw new IllegalStateException("this build has no sqlite4java native libraries under /sqlite4java/;"
                        + " rebuild with ./scripts/mvn -pl cli -am package");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract sqlite4java native libraries: " + e.getMessage(), e);
        }
    }
}
