package dev.warren.cli.admin;

import dev.warren.definitions.Definitions;
import dev.warren.admin.DefinitionsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code warren export_definitions FILE}: the stores as RabbitMQ definitions JSON. */
@Command(name = "export_definitions", mixinStandardHelpOptions = true,
        description = {"Write users (with their password hashes exactly as stored), permissions and topic"
                + " permissions as RabbitMQ definitions JSON; `-` writes to standard output.",
                "Vhosts are those named by some permission (warren keeps no vhost list).",
                "`warren import_definitions` reads the file back unchanged; so does rabbitmqctl, except for"
                        + " users whose hash is warren's PBKDF2 (warren_password_hashing_pbkdf2_sha256).",
                "The file contains password hashes: it is created readable by its owner only."})
public final class ExportDefinitionsCommand extends AdminCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write, or - for standard output.")
    String file;

    @Override
    int run(AdminStores stores) throws IOException {
        Definitions definitions = stores.admin().exportDefinitions();
        String json = DefinitionsWriter.write(definitions);
        if (file.equals("-")) {
            out().print(json);
            return OK;
        }
        Path path = Path.of(file);
        Path tmp = path.toAbsolutePath().resolveSibling(path.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, json, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        err().println("Exported " + definitions.users().size() + " users, " + definitions.permissions().size()
                + " permissions, " + definitions.topicPermissions().size() + " topic permissions to " + file);
        return OK;
    }
}
