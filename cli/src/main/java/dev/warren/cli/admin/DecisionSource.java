package dev.warren.cli.admin;

import dev.warren.definitions.Definitions;
import dev.warren.definitions.DefinitionsException;
import dev.warren.definitions.DefinitionsReader;
import dev.warren.password.PasswordHasher;
import dev.warren.policy.UserPolicy;
import dev.warren.service.AuthService;
import dev.warren.service.AuthServices;
import dev.warren.store.InMemoryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where {@code explain} and {@code authenticate_user} get their answers: the AWS stores, or with
 * {@code --definitions FILE} a RabbitMQ definitions export read as {@code serve --definitions} and the
 * functions' {@code WARREN_LOCAL_DEFINITIONS} read it, answered by the same {@link AuthService} code.
 * No AWS account, region or running server is needed for the file.
 */
record DecisionSource(AuthService service, Function<String, Optional<UserPolicy>> users) {

    /** The decision code over the stores the admin verbs write. */
    static DecisionSource of(AdminStores stores) {
        return new DecisionSource(stores.authService(), stores.admin()::findUser);
    }

    /**
     * The decision code over a definitions file, its warnings printed to {@code err}. The dummy
     * verification that hides unknown users' timing is cheap here: this is a local debugging tool.
     */
    static DecisionSource of(Path definitions, PrintWriter err) throws DefinitionsException {
        Definitions loaded = DefinitionsReader.read(definitions);
        loaded.warnings().forEach(w -> err.println("warren: warning: " + definitions + ": " + w));
        InMemoryStore store = new InMemoryStore(loaded);
        return new DecisionSource(AuthServices.over(store, store, new PasswordHasher(1_000)), store::findUser);
    }
}
