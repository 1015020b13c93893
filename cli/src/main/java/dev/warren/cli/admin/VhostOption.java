package dev.warren.cli.admin;

import picocli.CommandLine.Option;

/** rabbitmqctl's {@code -p/--vhost VHOST}, default {@code /}: a picocli mixin. */
public final class VhostOption {

    @Option(names = {"-p", "--vhost"}, defaultValue = "/", paramLabel = "VHOST", description = "Default ${DEFAULT-VALUE}.")
    String vhost;

    String name() {
        return vhost;
    }
}
