package dev.warren.cli;

import dev.warren.cli.admin.ExplainCommand;
import dev.warren.cli.amqp.AmqpCommand;
import dev.warren.cli.admin.ExportDefinitionsCommand;
import dev.warren.cli.admin.ImportDefinitionsCommand;
import dev.warren.cli.admin.PermissionCommands;
import dev.warren.cli.admin.RevokeCommand;
import dev.warren.cli.admin.UserFlagsCommand;
import dev.warren.cli.admin.UserCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code warren}: the local auth server, admin commands and tools around the Lambda handlers. */
@Command(name = "warren", mixinStandardHelpOptions = true, version = "warren 0.1.0",
        description = "RabbitMQ HTTP auth backend: local server, admin commands, handler invocation.",
        subcommands = {ServeCommand.class, AmqpCommand.class, ImportDefinitionsCommand.class,
                // admin verbs (rabbitmqctl's names and argument order): dev.warren.cli.admin
                UserCommands.AddUser.class, UserCommands.DeleteUser.class, UserCommands.ChangePassword.class,
                UserCommands.ClearPassword.class, UserCommands.SetUserTags.class, UserFlagsCommand.class, UserCommands.ListUsers.class,
                UserCommands.AuthenticateUser.class, PermissionCommands.SetPermissions.class,
                PermissionCommands.ClearPermissions.class, PermissionCommands.ListPermissions.class,
                PermissionCommands.ListUserPermissions.class, PermissionCommands.SetTopicPermissions.class,
                PermissionCommands.ClearTopicPermissions.class, PermissionCommands.ListTopicPermissions.class,
                PermissionCommands.ListUserTopicPermissions.class, ExportDefinitionsCommand.class,
                ExplainCommand.class, RevokeCommand.class, InvokeCommand.class,
                CommandLine.HelpCommand.class})
public final class WarrenCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new WarrenCommand()).execute(args));
    }
}
