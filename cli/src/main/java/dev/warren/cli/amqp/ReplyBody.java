package dev.warren.cli.amqp;

import dev.warren.policy.AuthPath;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The answer bodies the plugin reads. A login is {@code refused}, or the user's tags joined by
 * commas (an empty body is a login without tags): the plugin takes every other body, even
 * {@code deny}, as a successful login. A check is {@code allow} or {@code deny}. A question whose
 * action is unknown gets {@code refused}, the one body that never allows whatever it was.
 */
final class ReplyBody {

    static final String REFUSED = "refused";
    static final String ALLOW = "allow";
    static final String DENY = "deny";

    private ReplyBody() {
    }

    /** The body for a decision on {@code path}. */
    static String of(AuthPath path, boolean allowed, List<String> tags) {
        if (path == AuthPath.USER) {
            return allowed ? tags(tags) : REFUSED;
        }
        return allowed ? ALLOW : DENY;
    }

    /** The body that refuses a question on {@code path}, or on an unknown path. */
    static String refusal(Optional<AuthPath> path) {
        return path.map(p -> of(p, false, List.of())).orElse(REFUSED);
    }

    /** The plugin splits on commas and drops empty pieces: a tag that holds a comma would become other tags. */
    private static String tags(List<String> tags) {
        return tags.stream().filter(t -> !t.isEmpty() && t.indexOf(',') < 0).collect(Collectors.joining(","));
    }
}
