package dev.warren.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code warren}: the local auth server, admin commands and tools around the Lambda handlers. */
@Command(name = "warren", mixinStandardHelpOptions = true, version = "warren 0.1.0",
        description = "RabbitMQ HTTP auth backend: local server, admin commands, handler invocation.",
        subcommands = {ServeCommand.class, ImportDefinitionsCommand.class, InvokeCommand.class,
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
