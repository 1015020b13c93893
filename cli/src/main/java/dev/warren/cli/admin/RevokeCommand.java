package dev.warren.cli.admin;

import dev.warren.cli.admin.ManagementApi.BrokerConnection;
import dev.warren.config.WarrenConfig;
import java.io.Console;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code warren revoke USER}: cut a user off, including connections that are already open. The
 * broker asks again only on new operations and may answer from its own cache, so disabling the user
 * in the store is not enough: with {@code --management-url} the user's open connections are closed
 * through the broker's management HTTP API, and the command says how long caches may still allow.
 */
@Command(name = "revoke", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Revoke a user's access: disable it in the store (or delete it with --delete) and, given"
                + " --management-url, close its open connections through the broker's management HTTP API.",
                "The management credentials come from WARREN_MANAGEMENT_USER and WARREN_MANAGEMENT_PASSWORD, else"
                        + " from a prompt; never from an argument. The management user needs the administrator tag."},
        footer = {"", "Example:",
                "  WARREN_MANAGEMENT_USER=admin warren revoke app --management-url http://rabbit.internal:15672"})
public final class RevokeCommand extends AdminCommand {

    static final String MANAGEMENT_USER = "WARREN_MANAGEMENT_USER";
    static final String MANAGEMENT_PASSWORD = "WARREN_MANAGEMENT_PASSWORD";
    /** rabbit_auth_backend_cache's default cache_ttl. */
    static final int BROKER_DEFAULT_CACHE_TTL_SECONDS = 15;

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Option(names = "--delete", description = "Delete the user (items and password secret) instead of disabling it.")
    boolean delete;

    @Option(names = "--management-url", paramLabel = "URL",
            description = "The broker's management API, e.g. http://HOST:15672; its open connections of the user are closed.")
    URI managementUrl;

    @Option(names = "--reason", defaultValue = "access revoked", paramLabel = "TEXT",
            description = "What the closed clients are told (default: ${DEFAULT-VALUE}).")
    String reason;

    @Override
    int run(AdminStores stores) {
        ManagementApi management = managementUrl == null ? null : management();
        if (delete) {
            out().println("Deleting user \"" + username + "\" ...");
            stores.admin().deleteUser(username);
        } else {
            out().println("Disabling user \"" + username + "\" ...");
            stores.admin().setUserFlags(username, Optional.of(true), Optional.empty());
        }
        int closed = 0;
        if (management != null) {
            List<BrokerConnection> open = management.connectionsOf(username);
            for (BrokerConnection c : open) {
                if (management.close(c, reason)) {
                    closed++;
                    out().println("Closed connection '" + c.name() + "' (vhost '" + c.vhost() + "'"
                            + (c.peer().isEmpty() ? "" : ", peer " + c.peer()) + ")");
                }
            }
            out().println(closed == 0 ? "No open connections of \"" + username + "\" on " + managementUrl
                    : "Closed " + closed + " connection(s) of \"" + username + "\"");
        } else {
            out().println("Open connections were not closed (no --management-url): the broker asks again only on new"
                    + " operations; `rabbitmqctl close_all_user_connections " + username + " \"" + reason + "\"` closes them.");
        }
        printCacheWindow(stores.config());
        return OK;
    }

    private void printCacheWindow(WarrenConfig config) {
        out().println("Caches: other warren instances may still allow new logins of \"" + username + "\" for up to "
                + config.policyTtl().toSeconds() + " s (WARREN_POLICY_TTL_SECONDS as set here; the functions use"
                + " the template's PolicyTtlSeconds; up to "
                + config.staleWindow().toSeconds() + " s, WARREN_STALE_SECONDS, while their store fails).");
        out().println("        A broker with rabbitmq_auth_backend_cache reuses earlier answers for auth_cache.cache_ttl"
                + " (default " + BROKER_DEFAULT_CACHE_TTL_SECONDS + " s); on RabbitMQ 4.0.7 and later"
                + " `rabbitmqctl clear_auth_backend_cache` drops them at once.");
    }

    private ManagementApi management() {
        Map<String, String> env = System.getenv();
        String user = env.get(MANAGEMENT_USER);
        String password = env.get(MANAGEMENT_PASSWORD);
        Console console = context.console().get();
        if ((user == null || password == null) && console == null) {
            throw new IllegalArgumentException("--management-url needs credentials: set " + MANAGEMENT_USER + " and "
                    + MANAGEMENT_PASSWORD + " (no terminal to prompt on)");
        }
        if (user == null || user.isEmpty()) {
            user = console.readLine("Management user: ");
        }
        char[] secret = password != null ? password.toCharArray() : console.readPassword("Password of %s: ", user);
        if (user == null || user.isEmpty() || secret == null) {
            throw new IllegalArgumentException("no management credentials entered");
        }
        return new ManagementApi(managementUrl, user, secret);
    }
}
