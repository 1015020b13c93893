package dev.warren.cli;

import dev.warren.config.WarrenConfig;
import picocli.CommandLine.Option;

/**
 * Which table and secret prefix a command uses: the options win over {@code WARREN_TABLE} and
 * {@code WARREN_SECRET_PREFIX}, which win over {@code warren} and {@code warren/users/}. The other
 * settings (caches, timeouts) come from the environment; all are validated here.
 */
public final class AwsOptions {

    @Option(names = "--table", paramLabel = "T",
            description = "DynamoDB table (default: $WARREN_TABLE, else 'warren').")
    String table;

    @Option(names = "--secret-prefix", paramLabel = "P",
            description = "Prefix of per-user secret names (default: $WARREN_SECRET_PREFIX, else 'warren/users/').")
    String secretPrefix;

    /** @throws dev.warren.config.ConfigException naming every bad setting */
    public WarrenConfig config() {
        WarrenConfig config = WarrenConfig.fromEnvironment(System.getenv());
        if (table != null) {
            config = config.withTable(table);
        }
        if (secretPrefix != null) {
            config = config.withSecretPrefix(secretPrefix);
        }
        return config;
    }
}
