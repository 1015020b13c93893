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
            compile(regex);
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
            compiled = Optional.of(compile(regex));
        } catch (PatternSyntaxException e) {
            compiled = Optional.empty();
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(regex, compiled);
        return compiled;
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(literalBraces(regex), Pattern.UNIX_LINES);
    }

    /**
     * PCRE reads a {@code {} that does not start a quantifier ({@code {n}}, {@code {n,}},
     * {@code {n,m}}) as a literal brace; Java rejects it. Escape such braces so that, for example,
     * a topic pattern's {@code {client_id}} left unexpanded on an AMQP connection is literal text,
     * as in the broker, instead of a compile error.
     */
    static String literalBraces(String regex) {
        if (regex.indexOf('{') < 0) {
            return regex;
        }
        StringBuilder out = new StringBuilder(regex.length() + 8);
        boolean quoted = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            boolean hasNext = i + 1 < regex.length();
            if (c == '\\' && hasNext) {
                char next = regex.charAt(i + 1);
                if (quoted ? next == 'E' : next == 'Q') {
                    quoted = !quoted;
                }
                if (!quoted || next == 'E' || next == 'Q') {
                    out.append(c).append(next);
                    i++;
                    continue;
                }
            }
            if (c == '{' && !quoted && !startsQuantifier(regex, i)) {
                out.append("\\{");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean startsQuantifier(String regex, int brace) {
        int i = brace + 1;
        int digits = 0;
        while (i < regex.length() && Character.isDigit(regex.charAt(i)) && regex.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (digits == 0 || i >= regex.length()) {
            return false;
        }
        if (regex.charAt(i) == '}') {
            return true;
        }
        if (regex.charAt(i) != ',') {
            return false;
        }
        i++;
        while (i < regex.length() && Character.isDigit(regex.charAt(i)) && regex.charAt(i) < 128) {
            i++;
        }
        return i < regex.length() && regex.charAt(i) == '}';
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
