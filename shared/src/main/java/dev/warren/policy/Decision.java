package dev.warren.policy;

import java.util.List;
import java.util.Objects;

/**
 * The answer to one question: its {@link Cause} (which fixes allow, deny or error), the user's tags
 * on an allowed login, and a reason for people in the words of the broker's log (bounded: quoted values are
 * {@link Excerpt}s, and the whole text is cut at {@link Excerpt#MAX_REASON_CHARS}).
 */
public record Decision(Cause cause, List<String> tags, String reason) {

    public Decision {
        Objects.requireNonNull(cause);
        reason = Excerpt.of(Objects.requireNonNull(reason), Excerpt.MAX_REASON_CHARS);
        tags = List.copyOf(tags);
        if (!cause.allows() && !tags.isEmpty()) {
            throw new IllegalArgumentException("a refusal carries no tags");
        }
    }

    public static Decision allow(Cause cause, String reason) {
        requireKind(cause, Cause.Kind.ALLOW);
        return new Decision(cause, List.of(), reason);
    }

    public static Decision allowWithTags(Cause cause, List<String> tags, String reason) {
        requireKind(cause, Cause.Kind.ALLOW);
        return new Decision(cause, tags, reason);
    }

    public static Decision deny(Cause cause, String reason) {
        requireKind(cause, Cause.Kind.DENY);
        return new Decision(cause, List.of(), reason);
    }

    /** A refusal because something failed (a store, or warren itself), not because of the data. */
    public static Decision error(Cause cause, String reason) {
        requireKind(cause, Cause.Kind.ERROR);
        return new Decision(cause, List.of(), reason);
    }

    public boolean allowed() {
        return cause.allows();
    }

    public boolean isError() {
        return cause.kind() == Cause.Kind.ERROR;
    }

    /** The response body the broker reads: {@code allow}, {@code allow t1 t2} or {@code deny}. */
    public String body() {
        if (!allowed()) {
            return "deny";
        }
        if (tags.isEmpty()) {
            return "allow";
        }
        return "allow " + String.join(" ", tags);
    }

    public String result() {
        return allowed() ? "allow" : "deny";
    }

    private static void requireKind(Cause cause, Cause.Kind kind) {
        if (cause.kind() != kind) {
            throw new IllegalArgumentException(cause + " is not a cause of kind " + kind);
        }
    }
}
