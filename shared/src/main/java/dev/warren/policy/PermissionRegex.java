package dev.warren.policy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * RabbitMQ's permission-regex semantics in one place.
 *
 * <ul>
 *   <li>Matching is unanchored ({@link Matcher#find()}), like Erlang's {@code re:run}.</li>
 *   <li>The empty regex is {@code ^$}, exactly as the broker rewrites it: it matches only an empty
 *       name or routing key (resource names are never empty: the default exchange is
 *       {@code amq.default}), so in practice {@code ''} denies.</li>
 *   <li>Patterns compile with {@link Pattern#UNIX_LINES} so that {@code $} and {@code .} treat only
 *       {@code \n} as a line terminator, as PCRE does by default.</li>
 *   <li>Evaluation is bounded: the subject counts character reads and aborts past a budget, so a
 *       catastrophic pattern such as {@code ^(.*a){12}$} denies in milliseconds instead of hanging.</li>
 * </ul>
 * Known differences from PCRE that we accept: Java matches UTF-16 chars where Erlang matches bytes,
 * so {@code .} or {@code {n}} over non-ASCII text counts characters, not bytes; PCRE-only syntax
 * (e.g. {@code \K}, recursion) does not compile and therefore denies.
 * Compiled patterns (and compile failures) are cached; the cache is bounded.
 */
public final class PermissionRegex {

    /** Character reads allowed for one match; a normal permission check needs a few hundred. */
    public static final long DEFAULT_STEP_BUDGET = 1_000_000L;
    private static final int MAX_CACHED = 10_000;
    /** RabbitMQ's rewrite of {@code ''} in rabbit_auth_backend_internal. */
    private static final String EMPTY_REGEX_MEANS = "^$";

    private final long stepBudget;
    private final Map<String, Optional<Pattern>> cache = new ConcurrentHashMap<>();

    public PermissionRegex() {
        this(DEFAULT_STEP_BUDGET);
    }

    public PermissionRegex(long stepBudget) {
        if (stepBudget <= 0) {
            throw new IllegalArgumentException("step budget must be positive");
        }
        this.stepBudget = stepBudget;
    }

    /** Compile error message, or empty when the regex is valid. */
    public static Optional<String> compileError(String regex) {
        try {
            Pattern.compile(regex, Pattern.UNIX_LINES);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(e.getDescription() + " near index " + e.getIndex());
        }
    }

    public RegexOutcome match(String regex, String value) {
        Optional<Pattern> pattern = compiled(regex.isEmpty() ? EMPTY_REGEX_MEANS : regex);
        if (pattern.isEmpty()) {
            return RegexOutcome.INVALID;
        }
        try {
            return pattern.get().matcher(new BudgetedChars(value, stepBudget)).find()
                    ? RegexOutcome.MATCH : RegexOutcome.NO_MATCH;
        } catch (BudgetExceeded | StackOverflowError e) {
            return RegexOutcome.BUDGET_EXCEEDED;
        }
    }

    private Optional<Pattern> compiled(String regex) {
        Optional<Pattern> hit = cache.get(regex);
        if (hit != null) {
            return hit;
        }
        Optional<Pattern> compiled;
        try {
            compiled = Optional.of(Pattern.compile(regex, Pattern.UNIX_LINES));
        } catch (PatternSyntaxException e) {
            compiled = Optional.empty();
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(regex, compiled);
        return compiled;
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** A subject that counts reads, shared by all sub-sequences of one match. */
    private static final class BudgetedChars implements CharSequence {
        private final String text;
        private final int offset;
        private final int length;
        private final long[] remaining;

        BudgetedChars(String text, long budget) {
            this(text, 0, text.length(), new long[] {budget});
        }

        private BudgetedChars(String text, int offset, int length, long[] remaining) {
            this.text = text;
            this.offset = offset;
            this.length = length;
            this.remaining = remaining;
        }

        @Override
        public char charAt(int index) {
            if (--remaining[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(offset + index);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedChars(text, offset + start, end - start, remaining);
        }

        @Override
        public String toString() {
            return text.substring(offset, offset + length);
        }
    }
}
