package dev.warren.cli.admin;

import dev.warren.cli.AwsOptions;
import dev.warren.cli.ErrorLine;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the rabbitmqctl-style verbs: {@code --table} and {@code --secret-prefix}, opening the
 * stores, and one error line {@code warren VERB: cause} with a non-zero exit for every failure.
 * Exit codes: 0 done, 1 failed (the line says why), 2 bad usage. {@code explain} and
 * {@code authenticate_user}: 0 allowed, 1 denied, 2 error or bad usage.
 */
public abstract class AdminCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILED = 1;
    /** Bad usage (picocli's code), and errors of the commands whose 1 means "denied". */
    public static final int ERROR = 2;

    @Mixin
    AwsOptions names = new AwsOptions();

    @Spec
    CommandSpec spec;

    AdminContext context = AdminContext.DEFAULT;

    /** The verb's work; throw to fail with the exception's message. */
    abstract int run(AdminStores stores) throws Exception;

    /** Whether this run opens the AWS stores; when not, {@link #run} gets null. */
    boolean usesStores() {
        return true;
    }

    /** Exit code for a failure (explain and authenticate_user keep 1 for "denied"). */
    int failureCode() {
        return FAILED;
    }

    @Override
    public final Integer call() {
        try {
            int code;
            try (AdminStores stores = usesStores() ? context.connector().open(names.config()) : null) {
                code = run(stores);
            }
            out().flush();
            return code;
        } catch (Exception e) {
            out().flush();
            err().println("warren " + spec.name() + ": " + ErrorLine.of(e));
            err().flush();
            return failureCode();
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * The password from the command line (with a warning), standard input or the terminal prompt,
     * in that order. Never echoed, never logged.
     */
    String password(String positional, boolean fromStdin, String prompt) {
        if (positional != null) {
            if (fromStdin) {
                throw new IllegalArgumentException("give the password either as an argument or with --password-stdin, not both");
            }
            err().println("warning: a password on the command line can be read by other users of this machine"
                    + " (ps, shell history); prefer the prompt or --password-stdin");
            err().flush();
            return positional;
        }
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8))
                        .readLine();
                if (line == null) {
                    throw new IllegalArgumentException("--password-stdin: standard input is empty");
                }
                return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            } catch (IOException e) {
                throw new IllegalArgumentException("--password-stdin: cannot read standard input: " + e.getMessage());
            }
        }
        Console console = context.console().get();
        if (console == null) {
            throw new IllegalArgumentException("no password given and no terminal to prompt on; use --password-stdin");
        }
        char[] typed = console.readPassword("%s", prompt);
        if (typed == null) {
            throw new IllegalArgumentException("no password entered");
        }
        return new String(typed);
    }
}
