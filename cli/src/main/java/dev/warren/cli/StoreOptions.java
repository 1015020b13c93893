package dev.warren.cli;

import dev.warren.admin.TableCreator;
import dev.warren.config.WarrenConfig;
import dev.warren.definitions.Definitions;
import dev.warren.definitions.DefinitionsException;
import dev.warren.definitions.DefinitionsReader;
import dev.warren.service.AuthService;
import dev.warren.store.InMemorySecretStore;
import dev.warren.wiring.AwsAuthService;
import dev.warren.admin.DefinitionsImporter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where a command's decisions come from, shared by {@code serve} and {@code invoke}: a
 * definitions file loaded into an in-process DynamoDB Local (hashes in an in-process secret
 * store), or with {@code --aws} the real DynamoDB table and Secrets Manager. Both go through the
 * same store and cache code as the Lambda functions.
 */
public final class StoreOptions {

    @Option(names = "--definitions", paramLabel = "FILE",
            description = "RabbitMQ definitions export to answer from (loaded into an in-process DynamoDB Local).")
    Path definitions;

    @Option(names = "--aws", description = "Answer from the real DynamoDB table and Secrets Manager "
            + "(region, credentials and endpoints from the standard AWS chain, e.g. AWS_ENDPOINT_URL).")
    boolean aws;

    @Mixin
    AwsOptions names = new AwsOptions();

    /** The settings of these options and the environment, validated. */
    public WarrenConfig config() {
        return names.config();
    }

    /** The decision service these options name (settings read from the environment). */
    public AuthService authService() throws DefinitionsException {
        return authService(config());
    }

    /**
     * Builds the decision service these options name.
     *
     * @throws DefinitionsException when the definitions file is missing or unusable
     * @throws dev.warren.config.ConfigException when a setting is invalid
     */
    public AuthService authService(WarrenConfig config) throws DefinitionsException {
        if (aws) {
            if (definitions != null) {
                throw new DefinitionsException("give either --definitions FILE or --aws, not both"
                        + " (load a file into AWS with `warren import_definitions FILE`)");
            }
            return AwsAuthService.fromConfig(config);
        }
        if (definitions == null) {
            throw new DefinitionsException("give --definitions FILE (or --aws)");
        }
        Definitions loaded = DefinitionsReader.read(definitions);
        loaded.warnings().forEach(w -> System.err.println("warren: warning: " + definitions + ": " + w));
        EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start();
        TableCreator.createTableIfMissing(dynamo.client(), config.table());
        InMemorySecretStore secrets = new InMemorySecretStore();
        new DefinitionsImporter(dynamo.client(), config.table(), secrets, config.secretPrefix())
                .importDefinitions(loaded);
        return AwsAuthService.over(dynamo.client(), secrets, config);
    }
}
