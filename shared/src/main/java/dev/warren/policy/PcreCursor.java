package dev.warren.policy;

/**
 * A position in a PCRE pattern held as ISO-8859-1 characters (one per byte of its UTF-8 form),
 * with the escape readers that character classes and the main pattern share.
 */
final class PcreCursor {
    private final String text;
    private int pos;

    PcreCursor(String text) {
        this.text = text;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    int pos() {
        return pos;
    }

    /** The character at the position plus offset, or -1 past the end. */
    int peek(int offset) {
        int at = pos + offset;
        return at < text.length() ? text.charAt(at) : -1;
    }

    int next() {
        return text.charAt(pos++);
    }

    void skip(int count) {
        pos += count;
    }

    boolean lookingAt(String s) {
        return text.startsWith(s, pos);
    }

    /** Index of {@code c} at or after the position, or -1. */
    int indexOf(char c) {
        return text.indexOf(c, pos);
    }

    String slice(int from, int to) {
        return text.substring(from, to);
    }

    void moveTo(int to) {
        pos = to;
    }

    /**
     * At a {@code {}: {@code {n}}, {@code {n,}} or {@code {n,m}} read as {min, max or -1, 1 if a
     * comma}, the cursor past it; null (cursor unmoved) when the brace is a literal.
     */
    int[] countedRepeat() throws PcrePatternException {
        int k = 1;
        while (isDigit(peek(k), 10)) {
            k++;
        }
        int minEnd = k;
        boolean comma = peek(k) == ',';
        if (comma) {
            k++;
            while (isDigit(peek(k), 10)) {
                k++;
            }
        }
        if (minEnd == 1 || peek(k) != '}') {
            return null;
        }
        int low = bounded(text.substring(pos + 1, pos + minEnd));
        int high = !comma ? low : k == minEnd + 1 ? -1 : bounded(text.substring(pos + minEnd + 1, pos + k));
        if (high != -1 && high < low) {
            throw PcrePatternException.invalid("numbers out of order in {} quantifier");
        }
        pos += k + 1;
        return new int[] {low, high, comma ? 1 : 0};
    }

    /** Whether the cursor (at a {@code {}) starts {@code {n}}, {@code {n,}} or {@code {n,m}}. */
    boolean countedRepeatAhead() {
        int k = 1;
        while (isDigit(peek(k), 10)) {
            k++;
        }
        if (k > 1 && peek(k) == ',') {
            do {
                k++;
            } while (isDigit(peek(k), 10));
        }
        return k > 1 && peek(k) == '}';
    }

    private static int bounded(String digits) throws PcrePatternException {
        if (digits.length() > 5 || Integer.parseInt(digits) > 65535) {
            throw PcrePatternException.invalid("number too big in {} quantifier");
        }
        return Integer.parseInt(digits);
    }

    /** After {@code \x}: {@code {hh..}} or up to two hex digits (none means 0). */
    int hexEscape() throws PcrePatternException {
        if (peek(0) == '{') {
            int close = indexOf('}');
            int from = pos + 1;
            int end = from;
            while (end < text.length() && Character.digit(text.charAt(end), 16) >= 0 && text.charAt(end) < 128) {
                end++;
            }
            if (end == from || end != close) {
                throw PcrePatternException.invalid(end == from && close == from
                        ? "digits missing in \\x{}" : "non-hex character in \\x{} (closing brace missing?)");
            }
            return braced(from, end, 16);
        }
        int value = 0;
        for (int n = 0; n < 2 && isDigit(peek(0), 16); n++) {
            value = value * 16 + Character.digit(next(), 16);
        }
        return value;
    }

    /** After {@code \o}: {@code {ooo}}. */
    int octalBraces() throws PcrePatternException {
        if (peek(0) != '{') {
            throw PcrePatternException.invalid("missing opening brace after \\o");
        }
        int from = pos + 1;
        int end = from;
        while (end < text.length() && isDigit(text.charAt(end), 8)) {
            end++;
        }
        if (end == from || end >= text.length() || text.charAt(end) != '}') {
            throw PcrePatternException.invalid("malformed \\o{}");
        }
        return braced(from, end, 8);
    }

    private int braced(int from, int end, int radix) throws PcrePatternException {
        String digits = text.substring(from, end).replaceFirst("^0+(?=.)", "");
        if (digits.length() > 4 || Integer.parseInt(digits, radix) > 0xff) {
            throw PcrePatternException.invalid("character value in \\x{} or \\o{} is too large");
        }
        pos = end + 1;
        return Integer.parseInt(digits, radix);
    }

    /** Up to {@code max} octal digits at the position (at least one is there). */
    int octal(int max) throws PcrePatternException {
        int value = 0;
        for (int n = 0; n < max && isDigit(peek(0), 8); n++) {
            value = value * 8 + (next() - '0');
        }
        if (value > 0xff) {
            throw PcrePatternException.invalid("octal value is greater than \\377 in 8-bit non-UTF mode");
        }
        return value;
    }

    /** After {@code \c}: the control character, upper-cased first as PCRE does. */
    int control() throws PcrePatternException {
        if (atEnd()) {
            throw PcrePatternException.invalid("\\c at end of pattern");
        }
        int c = next();
        if (c > 127) {
            throw PcrePatternException.invalid("\\c must be followed by an ASCII character");
        }
        return (c >= 'a' && c <= 'z' ? c - 32 : c) ^ 0x40;
    }

    /** After {@code \p} or {@code \P}: the property's bytes, negated for {@code \P} or {@code ^}. */
    ByteSet property(boolean negated) throws PcrePatternException {
        String name;
        if (peek(0) == '{') {
            int close = indexOf('}');
            if (close < 0) {
                throw PcrePatternException.invalid("malformed \\P or \\p sequence");
            }
            name = text.substring(pos + 1, close);
            pos = close + 1;
        } else if (atEnd()) {
            throw PcrePatternException.invalid("malformed \\P or \\p sequence");
        } else {
            name = String.valueOf((char) next());
        }
        if (name.startsWith("^")) {
            negated = !negated;
            name = name.substring(1);
        }
        ByteSet set = PcreTables.property(name)
                .orElseThrow(() -> PcrePatternException.invalid("unknown property name after \\P or \\p"));
        return negated ? set.complement() : set;
    }

    static boolean isDigit(int c, int radix) {
        return c >= 0 && c < 128 && Character.digit(c, radix) >= 0;
    }
}
