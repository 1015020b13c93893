package dev.warren.cli.admin;

import dev.warren.admin.DefinitionsImporter;
import dev.warren.definitions.Definitions;
import dev.warren.definitions.DefinitionsException;
import dev.warren.definitions.DefinitionsReader;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code warren import_definitions FILE}: users, permissions and hashes into DynamoDB and Secrets Manager. */
@Command(name = "import_definitions", mixinStandardHelpOptions = true,
        description = {"Write a RabbitMQ definitions export into the stores: users, permissions and topic"
                + " permissions to the DynamoDB table, password hashes to Secrets Manager.",
                "Re-runnable: each user in the file ends up exactly as in the file; other users are left alone.",
                "Each user is written in one transaction, like the other admin verbs.",
                "Creates the table (pk/sk, on-demand) when it does not exist."})
public final class ImportDefinitionsCommand extends AdminCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "RabbitMQ definitions export (JSON).")
    Path file;

    @Override
    int run(AdminStores stores) throws DefinitionsException {
        Definitions definitions = DefinitionsReader.read(file);
        definitions.warnings().forEach(w -> err().println("warren import_definitions: warning: " + w));
        String table = stores.config().table();
        if (stores.createTableIfMissing()) {
            out().println("created table '" + table + "' (pk S hash, sk S range, on-demand)");
        }
        DefinitionsImporter.Counts counts = stores.importer().importDefinitions(definitions);
        out().println("imported " + file + " into table '" + table + "' and secrets '"
                + stores.config().secretPrefix() + "*': " + counts);
        return OK;
    }
}
