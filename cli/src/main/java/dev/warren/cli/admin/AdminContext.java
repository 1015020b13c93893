package dev.warren.cli.admin;

import java.io.Console;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * What an admin command takes from its surroundings: where the stores are, standard input
 * (for {@code --password-stdin}) and the terminal (for the password prompt; null when none).
 */
public record AdminContext(AdminConnector connector, InputStream stdin, Supplier<Console> console) {

    public static final AdminContext DEFAULT = new AdminContext(AdminConnector.AWS, System.in, System::console);
}
