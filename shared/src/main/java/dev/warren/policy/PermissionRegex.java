package dev.warren.policy;

import dev.warren.cache.LruMap;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * RabbitMQ's permission-regex match, {@code re:run(Subject, Regex, [{capture, none}])} without the
 * {@code unicode} option, in one place.
 *
 * <ul>
 *   <li>Pattern and subject are matched as their UTF-8 <b>bytes</b> (here: Java strings of
 *       ISO-8859-1 characters, one per byte), so {@code .} is one byte and {@code [äöü]} a set of
 *       bytes. Bytes 0x80..0xFF are classified by PCRE's Latin-1 tables ({@link PcreTables}).</li>
 *   <li>The pattern is translated from PCRE ({@link PcreTranslator}); PCRE syntax that cannot be
 *       reproduced fails closed ({@link RegexOutcome#INVALID}), and {@link #compileError} names
 *       the cause for load-time warnings. The pattern ends at its first NUL byte, as in the broker.</li>
 *   <li>Matching is unanchored. The empty regex matches everything, as in PCRE: the broker's
 *       rewrite of a stored {@code ''} to {@code ^$} happens when the pattern is read
 *       ({@link PermissionTriple#regexFor}, {@link TopicPermission#regexFor}).</li>
 *   <li>Evaluation is bounded: the subject counts character reads and aborts past a budget, so a
 *       catastrophic pattern such as {@code ^(.*a){12}$} denies in milliseconds instead of hanging.</li>
 * </ul>
 * Compiled stored patterns (and compile failures) are cached, least recently used out first,
 * bounded in count and in total pattern length. Patterns with request values inserted go to a
 * second, smaller cache, and only when short: a device's expanded topic pattern is compiled once,
 * not on every publish, while a flood of distinct or huge values can only cycle that small cache
 * and never evicts a stored pattern.
 */
public final class PermissionRegex {

    /** Character reads allowed for one match; a normal permission check needs a few hundred. */
    public static final long DEFAULT_STEP_BUDGET = 1_000_000L;
    private static final int MAX_CACHED = 10_000;
    /** Bound on the summed length of cached patterns (a compiled pattern is a few times its source). */
    private static final long MAX_CACHED_CHARS = 4L << 20;
    private static final int MAX_EXPANSIONS = 1_000;
    private static final long MAX_EXPANSION_CHARS = 256L << 10;
    /** Longest expanded pattern that is kept; longer ones are compiled for their one request. */
    static final int MAX_KEPT_EXPANSION_CHARS = 512;

    /** A translated pattern, or why there is none. */
    private record Compiled(Pattern pattern, PcrePatternException problem) {}

    private final long stepBudget;
    private final LruMap<String, Compiled> cache = new LruMap<>(MAX_CACHED, MAX_CACHED_CHARS, String::length);
    private final LruMap<String, Compiled> expansions =
            new LruMap<>(MAX_EXPANSIONS, MAX_EXPANSION_CHARS, String::length);

    public PermissionRegex() {
        this(DEFAULT_STEP_BUDGET);
    }

    public PermissionRegex(long stepBudget) {
        if (stepBudget <= 0) {
            throw new IllegalArgumentException("step budget must be positive");
        }
        this.stepBudget = stepBudget;
    }

    /** Why every check against this regex denies (PCRE rejects it, or warren cannot reproduce it); empty when usable. */
    public static Optional<String> compileError(String regex) {
        return Optional.ofNullable(compile(regex).problem()).map(PcrePatternException::describe);
    }

    /**
     * Whether the regex is valid PCRE that warren refuses on purpose (docs/semantics.md): every check
     * against it denies although the broker may allow. False for usable regexes and for regexes PCRE rejects.
     */
    public static boolean refusedOnPurpose(String regex) {
        PcrePatternException problem = compile(regex).problem();
        return problem != null && problem.kind() == PcrePatternException.Kind.UNSUPPORTED;
    }

    public RegexOutcome match(String regex, String value) {
        Optional<String> subject = bytesAsLatin1(value);
        return subject.isEmpty() ? RegexOutcome.NO_MATCH : matchBytes(regex, subject.get(), true);
    }

    /**
     * Like {@link #match}, for topic patterns with request values inserted: the compiled pattern is
     * kept only in the small cache of expansions, and only when short, so request values can never
     * fill memory or push out stored patterns.
     */
    public RegexOutcome matchExpanded(String regex, String value) {
        Optional<String> subject = bytesAsLatin1(value);
        return subject.isEmpty() ? RegexOutcome.NO_MATCH : matchBytes(regex, subject.get(), false);
    }

    /** The match over a subject already held as ISO-8859-1 characters (one per byte). */
    RegexOutcome matchBytes(String regex, String latin1Subject) {
        return matchBytes(regex, latin1Subject, true);
    }

    private RegexOutcome matchBytes(String regex, String latin1Subject, boolean stored) {
        Compiled compiled = compiled(regex, stored);
        if (compiled.pattern() == null) {
            return RegexOutcome.INVALID;
        }
        try {
            return compiled.pattern().matcher(new BudgetedChars(latin1Subject, stepBudget)).find()
                    ? RegexOutcome.MATCH : RegexOutcome.NO_MATCH;
        } catch (BudgetExceeded | StackOverflowError e) {
            return RegexOutcome.BUDGET_EXCEEDED;
        }
    }

    private Compiled compiled(String regex, boolean stored) {
        Compiled hit = cache.get(regex);
        if (hit != null) {
            return hit;
        }
        if (stored) {
            Compiled compiled = compile(regex);
            cache.put(regex, compiled);
            return compiled;
        }
        Compiled expansion = expansions.get(regex);
        if (expansion != null) {
            return expansion;
        }
        Compiled compiled = compile(regex);
        if (regex.length() <= MAX_KEPT_EXPANSION_CHARS) {
            expansions.put(regex, compiled);
        }
        return compiled;
    }

    /** How many stored patterns the cache holds now. */
    int cachedPatterns() {
        return cache.size();
    }

    /** How many expanded patterns the expansions cache holds now. */
    int cachedExpansions() {
        return expansions.size();
    }

    private static Compiled compile(String regex) {
        Optional<String> bytes = bytesAsLatin1(regex);
        if (bytes.isEmpty()) {
            return new Compiled(null, PcrePatternException.invalid("the pattern is not valid Unicode"));
        }
        String pattern = bytes.get();
        int nul = pattern.indexOf('\0');
        try {
            String java = PcreTranslator.translate(nul < 0 ? pattern : pattern.substring(0, nul));
            return new Compiled(Pattern.compile(java, Pattern.UNIX_LINES), null);
        } catch (PcrePatternException e) {
            return new Compiled(null, e);
        } catch (PatternSyntaxException | StackOverflowError e) {
            return new Compiled(null, PcrePatternException.unsupported("its translation does not compile in Java"));
        }
    }

    /** The UTF-8 bytes of the text as ISO-8859-1 characters; empty for text that is not valid Unicode. */
    static Optional<String> bytesAsLatin1(String text) {
        try {
            ByteBuffer utf8 = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[utf8.remaining()];
            utf8.get(bytes);
            return Optional.of(new String(bytes, StandardCharsets.ISO_8859_1));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
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
