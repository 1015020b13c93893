package dev.warren.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an administrator does between two logins, with rabbitmqctl-compatible verbs. One
 * implementation per backend: the broker's own rabbitmqctl (oracle), warren's CLI.
 */
interface AdminActions {
    String name();

    void addUser(String user, String password);

    void setPermissions(String vhost, String user, String configure, String write, String read);

    void clearPermissions(String vhost, String user);

    /** The oracle: rabbitmqctl against the node's internal database. */
    static AdminActions rabbitmqctl(BrokerNode node) {
        return new AdminActions() {
            public String name() {
                return "rabbitmqctl on " + node.profile.describe();
            }

            public void addUser(String user, String password) {
                node.ctl("add_user", user, password).orThrow();
            }

            public void setPermissions(String vhost, String user, String configure, String write, String read) {
                node.ctl("set_permissions", "-p", vhost, user, configure, write, read).orThrow();
            }

            public void clearPermissions(String vhost, String user) {
                node.ctl("clear_permissions", "-p", vhost, user).orThrow();
            }
        };
    }

    /**
     * warren's admin CLI: `warren VERB [adminArgs...] ARGS...`, e.g. `warren add_user --table T
     * --secret-prefix P NAME PASSWORD` with adminArgs from WARREN_E2E_ADMIN_ARGS.
     */
    static AdminActions warrenCli(List<String> warrenCommand, List<String> adminArgs, Map<String, String> env) {
        return new AdminActions() {
            public String name() {
                return "warren CLI " + String.join(" ", warrenCommand) + " " + String.join(" ", adminArgs);
            }

            private void run(String verb, String... args) {
                List<String> cmd = new ArrayList<>(warrenCommand);
                cmd.add(verb);
                cmd.addAll(adminArgs);
                cmd.addAll(List.of(args));
                Proc.run(cmd, env, Duration.ofMinutes(2)).orThrow();
            }

            public void addUser(String user, String password) {
                run("add_user", user, password);
            }

            public void setPermissions(String vhost, String user, String configure, String write, String read) {
                run("set_permissions", "-p", vhost, user, configure, write, read);
            }

            public void clearPermissions(String vhost, String user) {
                run("clear_permissions", "-p", vhost, user);
            }
        };
    }

    /** Why warren's admin CLI cannot be used, or null when `warren add_user --help` (etc.) succeed. */
    static String warrenCliUnavailable(List<String> warrenCommand, Map<String, String> env) {
        for (String verb : List.of("add_user", "set_permissions", "clear_permissions")) {
            List<String> cmd = new ArrayList<>(warrenCommand);
            cmd.add(verb);
            cmd.add("--help");
            Proc.Result r = Proc.run(cmd, env, Duration.ofMinutes(3));
            String out = r.output().strip();
            // A CLI without the verb may still exit 0 and print its top-level usage (picocli does).
            boolean knowsVerb = out.toLowerCase(java.util.Locale.ROOT).contains("warren " + verb);
            if (!r.ok() || !knowsVerb) {
                return "`" + String.join(" ", cmd) + "` " + (r.ok() ? "does not describe the verb" : "failed (exit "
                        + r.exitCode() + ")") + ": " + (out.length() > 300 ? out.substring(0, 300) + "..." : out);
            }
        }
        return null;
    }
}
