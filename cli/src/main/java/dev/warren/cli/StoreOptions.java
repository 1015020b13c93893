package dev.warren.cli;

import dev.warren.definitions.DefinitionsException;
import dev.warren.definitions.DefinitionsReader;
import dev.warren.service.AuthService;
import dev.warren.service.AuthServices;
import dev.warren.store.InMemoryStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a command's decisions come from, shared by {@code serve} and {@code invoke}:
 * a definitions file, or (with {@code --aws}) the real stores.
 */
public final class StoreOptions {

    @Option(names = "--definitions", paramLabel = "FILE",
            description = "RabbitMQ definitions export to answer from.")
    Path definitions;

    /** Builds the decision service these options name. */
    public AuthService authService() throws DefinitionsException {
        if (definitions == null) {
            throw new DefinitionsException("give --definitions FILE");
        }
        InMemoryStore store = new InMemoryStore(DefinitionsReader.read(definitions));
        return AuthServices.over(store, store);
    }
}
