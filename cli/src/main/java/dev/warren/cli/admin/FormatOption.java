package dev.warren.cli.admin;

import picocli.CommandLine.Option;

/** {@code --format table|json}: human tables (default) or JSON for scripts; a picocli mixin. */
public final class FormatOption {

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    Output.Format format;

    boolean json() {
        return format == Output.Format.json;
    }
}
