package dev.warren.policy;

import java.util.List;
import java.util.Objects;

/**
 * The answer to one question: allow (with the user's tags on the user path) or deny with the
 * reason an operator needs, in the words of the broker's log.
 */
public record Decision(boolean allowed, List<String> tags, String reason) {

    public Decision {
        tags = List.copyOf(tags);
        Objects.requireNonNull(reason);
    }

    public static Decision allow(String reason) {
        return new Decision(true, List.of(), reason);
    }

    public static Decision allowWithTags(List<String> tags, String reason) {
        return new Decision(true, tags, reason);
    }

    public static Decision deny(String reason) {
        return new Decision(false, List.of(), reason);
    }

    /** The response body the broker reads: {@code allow}, {@code allow t1 t2} or {@code deny}. */
    public String body() {
        if (!allowed) {
            return "deny";
        }
        if (tags.isEmpty()) {
            return "allow";
        }
        return "allow " + String.join(" ", tags);
    }

    public String result() {
        return allowed ? "allow" : "deny";
    }
}
