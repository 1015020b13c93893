package dev.warren.cli.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warren.password.PasswordHash;
import dev.warren.policy.AuthRequest;
import dev.warren.policy.Decision;
import dev.warren.policy.UserPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** rabbitmqctl's user verbs: add_user, delete_user, change_password, clear_password, set_user_tags, list_users, authenticate_user. */
public final class UserCommands {

    private UserCommands() {
    }

    @Command(name = "add_user", mixinStandardHelpOptions = true,
            description = {"Add a user with no tags and no permissions (rabbitmqctl add_user).",
                    "The password comes from the prompt, --password-stdin, or (with a warning) the argument;"
                            + " it is stored as a PBKDF2-HMAC-SHA256 hash in Secrets Manager."})
    public static final class AddUser extends AdminCommand {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Parameters(index = "1", arity = "0..1", paramLabel = "PASSWORD",
                description = "Visible to other users (ps, history): prefer the prompt or --password-stdin.")
        String password;

        @Mixin
        PasswordStdinOption passwordStdin = new PasswordStdinOption();

        @Option(names = "--create-table", description = "Create the DynamoDB table (pk/sk, on-demand) if it does not exist.")
        boolean createTable;

        @Option(names = "--pre-hashed-password", description = "The password is a RabbitMQ hash: base64(4-byte salt ++"
                + " H(salt ++ password)), as in `rabbitmqctl export_definitions` (rabbitmqctl add_user --pre-hashed-password).")
        boolean preHashed;

        @Option(names = "--hashing-algorithm", paramLabel = "A", defaultValue = "rabbit_password_hashing_sha256",
                description = "With --pre-hashed-password: rabbit_password_hashing_sha256 (default), _sha512 or _md5.")
        String hashingAlgorithm;

        @Override
        int run(AdminStores stores) {
            String secret = password(password, passwordStdin.fromStdin,
                    (preHashed ? "Password hash for " : "Password for ") + username + ": ");
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("the password must not be empty (an empty password never matches)");
            }
            PasswordHash hash = preHashed ? PasswordHash.of(hashingAlgorithm, secret) : stores.hasher().hash(secret);
            if (createTable && stores.createTableIfMissing()) {
                out().println("Created table \"" + stores.config().table() + "\"");
            }
            out().println("Adding user \"" + username + "\" ...");
            stores.admin().addUser(username, Optional.of(hash));
            return OK;
        }
    }

    @Command(name = "delete_user", mixinStandardHelpOptions = true,
            description = "Delete a user: all its items and its password secret (deleted at once, so the name can be reused).")
    public static final class DeleteUser extends AdminCommand {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Override
        int run(AdminStores stores) {
            out().println("Deleting user \"" + username + "\" ...");
            stores.admin().deleteUser(username);
            return OK;
        }
    }

    @Command(name = "change_password", mixinStandardHelpOptions = true,
            description = "Set a user's password (PBKDF2-HMAC-SHA256 hash in Secrets Manager).")
    public static final class ChangePassword extends AdminCommand {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Parameters(index = "1", arity = "0..1", paramLabel = "NEW_PASSWORD",
                description = "Visible to other users (ps, history): prefer the prompt or --password-stdin.")
        String password;

        @Mixin
        PasswordStdinOption passwordStdin = new PasswordStdinOption();

        @Override
        int run(AdminStores stores) {
            stores.admin().requireUser(username);
            String secret = password(password, passwordStdin.fromStdin, "New password for " + username + ": ");
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("the password must not be empty (use clear_password to remove it)");
            }
            out().println("Changing password for user \"" + username + "\" ...");
            stores.admin().changePassword(username, stores.hasher().hash(secret));
            return OK;
        }
    }

    @Command(name = "clear_password", mixinStandardHelpOptions = true,
            description = "Remove a user's password: it can no longer log in with one.")
    public static final class ClearPassword extends AdminCommand {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Override
        int run(AdminStores stores) {
            out().println("Clearing password for user \"" + username + "\" ...");
            stores.admin().clearPassword(username);
            return OK;
        }
    }

    @Command(name = "set_user_tags", mixinStandardHelpOptions = true,
            description = "Replace a user's tags; no tags clears them. Tags are lower-case words (a-z 0-9 _ -).")
    public static final class SetUserTags extends AdminCommand {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "TAG")
        List<String> tags = new ArrayList<>();

        @Override
        int run(AdminStores stores) {
            out().println("Setting tags for user \"" + username + "\" to [" + String.join(", ", tags) + "] ...");
            stores.admin().setUserTags(username, tags);
            return OK;
        }
    }

    @Command(name = "list_users", mixinStandardHelpOptions = true, description = "List users and their tags.")
    public static final class ListUsers extends AdminCommand {
        @Mixin
        FormatOption format = new FormatOption();

        @Override
        int run(AdminStores stores) {
            List<UserPolicy> users = stores.admin().users();
            if (format.json()) {
                ArrayNode array = Output.JSON.createArrayNode();
                for (UserPolicy user : users) {
                    ObjectNode node = array.addObject().put("user", user.username());
                    ArrayNode tags = node.putArray("tags");
                    user.tags().forEach(tags::add);
                    if (user.disabled()) {
                        node.put("disabled", true);
                    }
                    if (user.certificateLogin()) {
                        node.put("certificate_login", true);
                    }
                }
                Output.json(out(), array);
                return OK;
            }
            List<List<String>> rows = new ArrayList<>();
            for (UserPolicy user : users) {
                String tags = "[" + String.join(", ", user.tags()) + "]";
                List<String> flags = new ArrayList<>();
                if (user.disabled()) {
                    flags.add("disabled");
                }
                if (user.certificateLogin()) {
                    flags.add("certificate login");
                }
                rows.add(List.of(user.username(), flags.isEmpty() ? tags : tags + " (" + String.join(", ", flags) + ")"));
            }
            Output.table(out(), List.of("user", "tags"), rows);
            return OK;
        }
    }

    @Command(name = "authenticate_user", mixinStandardHelpOptions = true,
            description = {"Check a password the way the functions do (same store, cache and hash code).",
                    "Exit 0 when it authenticates, 1 when refused (the reason is printed)."})
    public static final class AuthenticateUser extends DecisionCommand {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Parameters(index = "1", arity = "0..1", paramLabel = "PASSWORD",
                description = "Visible to other users (ps, history): prefer the prompt or --password-stdin.")
        String password;

        @Mixin
        PasswordStdinOption passwordStdin = new PasswordStdinOption();

        @Mixin
        FormatOption format = new FormatOption();

        @Override
        int decide(DecisionSource source) {
            String secret = password(password, passwordStdin.fromStdin, "Password for " + username + ": ");
            Decision decision = source.service().decide(new AuthRequest.UserRequest(username, Optional.of(secret)));
            if (decision.isError()) {
                throw new IllegalStateException(decision.reason());
            }
            if (format.json()) {
                ObjectNode node = Output.JSON.createObjectNode().put("user", username)
                        .put("authenticated", decision.allowed());
                ArrayNode tags = node.putArray("tags");
                decision.tags().forEach(tags::add);
                node.put("reason", decision.reason());
                Output.json(out(), node);
            } else if (decision.allowed()) {
                out().println("Authenticating user \"" + username + "\" ...");
                out().println("Success (tags: [" + String.join(", ", decision.tags()) + "])");
            } else {
                out().println("Authenticating user \"" + username + "\" ...");
                out().println("Error: failed to authenticate user \"" + username + "\"");
                out().println(decision.reason());
            }
            return decision.allowed() ? OK : FAILED;
        }
    }
}
