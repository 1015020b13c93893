package dev.warren.cli.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.warren.policy.PermissionTriple;
import dev.warren.policy.TopicPermission;
import dev.warren.policy.UserPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * rabbitmqctl's permission verbs, same names, argument order and {@code -p vhost} default
 * {@code /}. warren keeps no list of vhosts: any non-empty name is accepted (the broker checks
 * that a vhost exists before it asks warren).
 */
public final class PermissionCommands {

    private PermissionCommands() {
    }

    @Command(name = "set_permissions", mixinStandardHelpOptions = true,
            description = {"Set a user's configure, write and read regexes on a vhost.",
                    "Regexes are matched unanchored; '' is ^$ (matches no real name). Each must compile."})
    public static final class SetPermissions extends AdminCommand {
        @Mixin
        VhostOption vhost = new VhostOption();

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Parameters(index = "1", paramLabel = "CONF")
        String configure;

        @Parameters(index = "2", paramLabel = "WRITE")
        String write;

        @Parameters(index = "3", paramLabel = "READ")
        String read;

        @Override
        int run(AdminStores stores) {
            out().println("Setting permissions for user \"" + username + "\" in vhost \"" + vhost.name() + "\" ...");
            stores.admin().setPermissions(username, vhost.name(), new PermissionTriple(configure, write, read));
            return OK;
        }
    }

    @Command(name = "clear_permissions", mixinStandardHelpOptions = true,
            description = "Remove a user's permissions on a vhost (topic permissions stay, as in RabbitMQ).")
    public static final class ClearPermissions extends AdminCommand {
        @Mixin
        VhostOption vhost = new VhostOption();

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Override
        int run(AdminStores stores) {
            out().println("Clearing permissions for user \"" + username + "\" in vhost \"" + vhost.name() + "\" ...");
            stores.admin().clearPermissions(username, vhost.name());
            return OK;
        }
    }

    @Command(name = "list_permissions", mixinStandardHelpOptions = true,
            description = "List the users that have permissions on a vhost, with their regexes.")
    public static final class ListPermissions extends AdminCommand {
        @Mixin
        VhostOption vhost = new VhostOption();

        @Mixin
        FormatOption format = new FormatOption();

        @Override
        int run(AdminStores stores) {
            List<List<String>> rows = new ArrayList<>();
            for (UserPolicy user : stores.admin().users()) {
                user.permissionsOn(vhost.name()).ifPresent(t ->
                        rows.add(List.of(user.username(), t.configure(), t.write(), t.read())));
            }
            print(this, List.of("user", "configure", "write", "read"), rows, format);
            return OK;
        }
    }

    @Command(name = "list_user_permissions", mixinStandardHelpOptions = true,
            description = "List a user's permissions on every vhost.")
    public static final class ListUserPermissions extends AdminCommand {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Mixin
        FormatOption format = new FormatOption();

        @Override
        int run(AdminStores stores) {
            UserPolicy user = stores.admin().requireUser(username);
            List<List<String>> rows = new ArrayList<>();
            new TreeMap<>(user.permissions()).forEach((vhost, t) ->
                    rows.add(List.of(vhost, t.configure(), t.write(), t.read())));
            print(this, List.of("vhost", "configure", "write", "read"), rows, format);
            return OK;
        }
    }

    @Command(name = "set_topic_permissions", mixinStandardHelpOptions = true,
            description = {"Set a user's write and read routing-key regexes for a topic exchange on a vhost.",
                    "{username}, {vhost} and {client_id} in a regex are replaced by the connection's values."})
    public static final class SetTopicPermissions extends AdminCommand {
        @Mixin
        VhostOption vhost = new VhostOption();

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Parameters(index = "1", paramLabel = "EXCHANGE")
        String exchange;

        @Parameters(index = "2", paramLabel = "WRITE")
        String write;

        @Parameters(index = "3", paramLabel = "READ")
        String read;

        @Override
        int run(AdminStores stores) {
            out().println("Setting topic permissions on \"" + exchange + "\" for user \"" + username + "\" in vhost \""
                    + vhost.name() + "\" ...");
            stores.admin().setTopicPermissions(username, new TopicPermission(vhost.name(), exchange, write, read));
            return OK;
        }
    }

    @Command(name = "clear_topic_permissions", mixinStandardHelpOptions = true,
            description = "Remove a user's topic permissions on a vhost: for one exchange, or all.")
    public static final class ClearTopicPermissions extends AdminCommand {
        @Mixin
        VhostOption vhost = new VhostOption();

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Parameters(index = "1", arity = "0..1", paramLabel = "EXCHANGE")
        String exchange;

        @Override
        int run(AdminStores stores) {
            out().println("Clearing topic permissions" + (exchange == null ? "" : " on \"" + exchange + "\"")
                    + " for user \"" + username + "\" in vhost \"" + vhost.name() + "\" ...");
            stores.admin().clearTopicPermissions(username, vhost.name(), Optional.ofNullable(exchange));
            return OK;
        }
    }

    @Command(name = "list_topic_permissions", mixinStandardHelpOptions = true,
            description = "List the topic permissions on a vhost.")
    public static final class ListTopicPermissions extends AdminCommand {
        @Mixin
        VhostOption vhost = new VhostOption();

        @Mixin
        FormatOption format = new FormatOption();

        @Override
        int run(AdminStores stores) {
            List<List<String>> rows = new ArrayList<>();
            for (UserPolicy user : stores.admin().users()) {
                user.topicPermissions().values().stream()
                        .filter(t -> t.vhost().equals(vhost.name()))
                        .sorted(Comparator.comparing(TopicPermission::exchange))
                        .forEach(t -> rows.add(List.of(user.username(), t.exchange(), t.write(), t.read())));
            }
            print(this, List.of("user", "exchange", "write", "read"), rows, format);
            return OK;
        }
    }

    @Command(name = "list_user_topic_permissions", mixinStandardHelpOptions = true,
            description = "List a user's topic permissions on every vhost.")
    public static final class ListUserTopicPermissions extends AdminCommand {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Mixin
        FormatOption format = new FormatOption();

        @Override
        int run(AdminStores stores) {
            UserPolicy user = stores.admin().requireUser(username);
            List<List<String>> rows = new ArrayList<>();
            user.topicPermissions().values().stream()
                    .sorted(Comparator.comparing(TopicPermission::vhost).thenComparing(TopicPermission::exchange))
                    .forEach(t -> rows.add(List.of(t.vhost(), t.exchange(), t.write(), t.read())));
            print(this, List.of("vhost", "exchange", "write", "read"), rows, format);
            return OK;
        }
    }

    /** A table, or with --format json a list of objects keyed by the header names. */
    private static void print(AdminCommand command, List<String> header, List<List<String>> rows, FormatOption format) {
        if (format.json()) {
            ArrayNode array = Output.JSON.createArrayNode();
            for (List<String> row : rows) {
                var node = array.addObject();
                for (int i = 0; i < header.size(); i++) {
                    node.put(header.get(i), row.get(i));
                }
            }
            Output.json(command.out(), array);
        } else {
            Output.table(command.out(), header, rows);
        }
    }
}
