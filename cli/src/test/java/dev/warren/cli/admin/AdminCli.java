package dev.warren.cli.admin;

import dev.warren.cli.WarrenCommand;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs `warren VERB ...` in process over the given stores, capturing exit code and output. */
final class AdminCli {

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final AdminConnector connector;

    AdminCli(AdminConnector connector) {
        this.connector = connector;
    }

    Run run(String... args) {
        return runWithStdin("", args);
    }

    Run runWithStdin(String stdin, String... args) {
        AdminContext context = new AdminContext(connector,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), () -> null);
        CommandLine cli = new CommandLine(new WarrenCommand(), new AdminFactory(context));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Splits a suggested command line as a POSIX shell would (bare words and '...' only), dropping "# ...". */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                word = word == null ? new StringBuilder() : word;
                word.append(line, i + 1, end);
                i = end;
            } else if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                word = word == null ? new StringBuilder() : word;
                word.append('\'');
                i++;
            } else if (c == ' ') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
