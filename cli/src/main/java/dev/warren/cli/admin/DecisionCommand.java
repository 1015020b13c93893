package dev.warren.cli.admin;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code explain} and {@code authenticate_user}: answered by the functions' decision code over the
 * AWS stores, or with {@code --definitions FILE} over a definitions export (no AWS, no server).
 * Exit 0 allowed, 1 refused, 2 error.
 */
abstract class DecisionCommand extends AdminCommand {

    @Option(names = "--definitions", paramLabel = "FILE",
            description = "Answer from this RabbitMQ definitions export, read as `warren serve --definitions` reads it;"
                    + " no AWS account or running server needed.")
    Path definitions;

    /** The question, answered from {@code source}. */
    abstract int decide(DecisionSource source) throws Exception;

    @Override
    final boolean usesStores() {
        return definitions == null;
    }

    @Override
    final int run(AdminStores stores) throws Exception {
        return decide(stores == null ? DecisionSource.of(definitions, err()) : DecisionSource.of(stores));
    }

    @Override
    final int failureCode() {
        return ERROR;
    }
}
