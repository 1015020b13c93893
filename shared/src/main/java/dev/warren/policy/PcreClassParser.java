package dev.warren.policy;

/**
 * Reads one PCRE character class ({@code [...]}) into the exact set of bytes it matches: POSIX
 * classes ({@code [:digit:]}, {@code [:^alpha:]}), class escapes, ranges and caseless folding,
 * all by the broker's Latin-1 tables.
 */
final class PcreClassParser {
    private final PcreCursor c;
    private boolean quoted;

    private PcreClassParser(PcreCursor c) {
        this.c = c;
    }

    /** One class member: a single byte, or a set that cannot start or end a range. */
    private record Item(int value, ByteSet set) {}

    /** The cursor is at the opening {@code [}; on return it is past the closing {@code ]}. */
    static ByteSet parse(PcreCursor c, boolean caseless) throws PcrePatternException {
        return new PcreClassParser(c).parse(caseless);
    }

    private ByteSet parse(boolean caseless) throws PcrePatternException {
        if (posixEnd(c) >= 0) {
            throw PcrePatternException.invalid("POSIX named classes are supported only within a class");
        }
        c.skip(1);
        boolean negated = c.peek(0) == '^';
        if (negated) {
            c.skip(1);
        }
        ByteSet set = ByteSet.EMPTY;
        boolean first = true;
        while (true) {
            if (c.atEnd()) {
                throw PcrePatternException.invalid("missing terminating ] for character class");
            }
            if (c.peek(0) == ']' && !first && !quoted) {
                c.skip(1);
                return negated ? set.complement() : set;
            }
            first = false;
            int posixEnd = quoted ? -1 : posixEnd(c);
            Item item = posixEnd >= 0 ? posix(c, posixEnd, caseless) : item();
            if (item == null) {
                continue;
            }
            if (item.set() != null) {
                set = set.union(item.set());
                continue;
            }
            int low = item.value();
            int high = low;
            if (!quoted && c.peek(0) == '-' && c.peek(1) != ']' && c.peek(1) != -1) {
                c.skip(1);
                if (c.peek(0) == '\\' && (c.peek(1) == 'Q' || c.peek(1) == 'E') || posixEnd(c) >= 0) {
                    throw PcrePatternException.unsupported("a range ending in \\Q, \\E or a POSIX class");
                }
                Item end = item();
                if (end.set() != null) {
                    throw PcrePatternException.invalid("invalid range in character class");
                }
                high = end.value();
                if (high < low) {
                    throw PcrePatternException.invalid("range out of order in character class");
                }
            }
            ByteSet members = ByteSet.range(low, high);
            set = set.union(caseless ? PcreTables.caseless(members) : members);
        }
    }

    private static Item posix(PcreCursor c, int end, boolean caseless) throws PcrePatternException {
        if (c.peek(1) != ':') {
            throw PcrePatternException.invalid("POSIX collating elements are not supported");
        }
        String name = c.slice(c.pos() + 2, end);
        boolean negated = name.startsWith("^");
        if (negated) {
            name = name.substring(1);
        }
        if (caseless && (name.equals("upper") || name.equals("lower"))) {
            name = "alpha";
        }
        ByteSet set = PcreTables.posix(name)
                .orElseThrow(() -> PcrePatternException.invalid("unknown POSIX class name"));
        c.moveTo(end + 2);
        return new Item(-1, negated ? set.complement() : set);
    }

    /**
     * PCRE's check for POSIX syntax at a {@code [}: {@code [:name:]}, {@code [.x.]} or
     * {@code [=x=]}; the index of the closing {@code :}, {@code .} or {@code =}, or -1.
     */
    private static int posixEnd(PcreCursor c) {
        int terminator = c.peek(1);
        if (c.peek(0) != '[' || (terminator != ':' && terminator != '.' && terminator != '=')) {
            return -1;
        }
        for (int k = 2; c.peek(k) != -1; k++) {
            int ch = c.peek(k);
            if (ch == '\\' && (c.peek(k + 1) == ']' || c.peek(k + 1) == '\\')) {
                k++;
            } else if ((ch == '[' && c.peek(k + 1) == terminator) || ch == ']') {
                return -1;
            } else if (ch == terminator && c.peek(k + 1) == ']') {
                return c.pos() + k;
            }
        }
        return -1;
    }

    /** A literal byte or an escape; null for {@code \Q} and {@code \E}. */
    private Item item() throws PcrePatternException {
        if (quoted) {
            if (c.lookingAt("\\E")) {
                c.skip(2);
                quoted = false;
                return null;
            }
            Item literal = new Item(c.next(), null);
            if (c.lookingAt("\\E")) {
                c.skip(2);
                quoted = false;
            }
            return literal;
        }
        int ch = c.next();
        if (ch != '\\') {
            return new Item(ch, null);
        }
        if (c.atEnd()) {
            throw PcrePatternException.invalid("\\ at end of pattern");
        }
        int e = c.next();
        return switch (e) {
            case 'b' -> new Item(0x08, null);
            case 'd', 'D', 's', 'S', 'w', 'W', 'h', 'H', 'v', 'V' -> new Item(-1, PcreEscapes.typeSet(e));
            case 'p', 'P' -> new Item(-1, c.property(e == 'P'));
            case 'x' -> new Item(c.hexEscape(), null);
            case 'o' -> new Item(c.octalBraces(), null);
            case 'c' -> new Item(c.control(), null);
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                c.skip(-1);
                yield new Item(c.octal(3), null);
            }
            case 'E' -> null;
            case 'Q' -> {
                quoted = true;
                yield null;
            }
            case 'N' -> throw PcrePatternException.invalid("\\N is not supported in a class");
            case 'L', 'l', 'U', 'u' -> throw PcrePatternException.invalid("PCRE does not support \\L, \\l, \\U, or \\u");
            default -> new Item(PcreEscapes.simpleEscape(e), null);
        };
    }
}
