package dev.warren.cli;

import dev.warren.admin.TableCreator;
import dev.warren.cli.admin.AdminConnector;
import dev.warren.config.WarrenConfig;
import dev.warren.definitions.Definitions;
import dev.warren.definitions.DefinitionsException;
import dev.warren.definitions.DefinitionsReader;
import dev.warren.store.aws.AwsClients;
import dev.warren.admin.DefinitionsImporter;
import dev.warren.store.aws.SecretsManagerSecretStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** {@code warren import_definitions FILE}: users, permissions and hashes into DynamoDB and Secrets Manager. */
@Command(name = "import_definitions", mixinStandardHelpOptions = true,
        description = {"Write a RabbitMQ definitions export into the stores: users, permissions and topic"
                + " permissions to the DynamoDB table, password hashes to Secrets Manager.",
                "Re-runnable: each user in the file ends up exactly as in the file; other users are left alone.",
                "Creates the table (pk/sk, on-demand) when it does not exist."})
public final class ImportDefinitionsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "RabbitMQ definitions export (JSON).")
    Path file;

    @Mixin
    AwsOptions names = new AwsOptions();

    @Override
    public Integer call() {
        try {
            // an admin command, not on the broker's clock: the admin verbs' AWS limits
            WarrenConfig config = AdminConnector.withAdminTimeouts(names.config());
            Definitions definitions = DefinitionsReader.read(file);
            definitions.warnings().forEach(w -> System.err.println("warren import_definitions: warning: " + w));
            try (DynamoDbClient dynamo = AwsClients.dynamoDb(config);
                 SecretsManagerClient secrets = AwsClients.secretsManager(config)) {
                if (TableCreator.createTableIfMissing(dynamo, config.table())) {
                    System.out.println("created table '" + config.table() + "' (pk S hash, sk S range, on-demand)");
                }
                DefinitionsImporter.Counts counts = new DefinitionsImporter(dynamo, config.table(),
                        new SecretsManagerSecretStore(secrets), config.secretPrefix()).importDefinitions(definitions);
                System.out.println("imported " + file + " into table '" + config.table() + "' and secrets '"
                        + config.secretPrefix() + "*': " + counts);
            }
            return 0;
        } catch (DefinitionsException | RuntimeException e) {
            System.err.println("warren import_definitions: " + message(e));
            return 1;
        }
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
