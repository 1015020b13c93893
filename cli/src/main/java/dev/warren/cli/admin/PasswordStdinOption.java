package dev.warren.cli.admin;

import picocli.CommandLine.Option;

/** {@code --password-stdin}: the password is the first line of standard input; a picocli mixin. */
public final class PasswordStdinOption {

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean fromStdin;
}
