package dev.warren.cli.amqp;

import java.io.Console;
import java.util.Map;

/** The responder's broker password: from {@code WARREN_AMQP_PASSWORD}, else asked on the terminal; never an argument. */
final class PasswordSource {

    static final String VARIABLE = "WARREN_AMQP_PASSWORD";

    private PasswordSource() {
    }

    static char[] read(Map<String, String> env, Console console, String username) {
        String fromEnv = env.get(VARIABLE);
        if (fromEnv != null) {
            if (fromEnv.isEmpty()) {
                throw new IllegalArgumentException(VARIABLE + " is set but empty");
            }
            return fromEnv.toCharArray();
        }
        if (console == null) {
            throw new IllegalArgumentException("set " + VARIABLE + " (no terminal to ask for the password on)");
        }
        char[] typed = console.readPassword("Password for %s: ", username);
        if (typed == null || typed.length == 0) {
            throw new IllegalArgumentException("no password given");
        }
        return typed;
    }
}
