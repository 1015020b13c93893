package dev.warren.policy;

/**
 * Backslash escapes outside character classes, as PCRE 8.44 reads them in non-UTF mode: class
 * escapes and {@code \p{..}} become byte sets, {@code \b}/{@code \B} look-arounds on the Latin-1
 * word set, {@code \x}/{@code \o}/{@code \c}/octal escapes single bytes, {@code \1}.. back
 * references (or octal, past the groups opened so far), {@code \Q..\E} literal bytes, and an
 * unknown letter is that letter. {@code \X}, {@code \K}, {@code \g} and {@code \k} fail closed.
 */
final class PcreEscapes {
    private PcreEscapes() {}

    private static final String WORD = PcreTables.WORD.toJavaClass();

    /** The cursor is at the backslash. */
    static void escape(PcreTranslator t, PcreCursor in) throws PcrePatternException {
        in.skip(1);
        if (in.atEnd()) {
            throw PcrePatternException.invalid("\\ at end of pattern");
        }
        int e = in.next();
        switch (e) {
            case 'd', 'D', 's', 'S', 'w', 'W', 'h', 'H', 'v', 'V' -> t.typeAtom((char) e, typeSet(e).toJavaClass(), 1);
            case 'p', 'P' -> t.atom(in.property(e == 'P').toJavaClass(), 1);
            case 'N' -> {
                if (in.peek(0) == '{' && !in.countedRepeatAhead()) {
                    throw PcrePatternException.invalid("PCRE does not support \\N{name}");
                }
                t.typeAtom('.', ByteSet.ALL.minus(PcreTables.NEWLINE).toJavaClass(), 1);
            }
            case 'C' -> t.atom(ByteSet.ALL.toJavaClass(), 1);
            case 'R' -> t.typeAtom('R', "(?>\\x0d\\x0a|" + PcreTables.VSPACE.toJavaClass() + ")",
                    PcreTranslator.VARIABLE);
            case 'b' -> t.assertion("(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))");
            case 'B' -> t.assertion("(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))");
            case 'A', 'z', 'Z', 'G' -> t.assertion("\\" + (char) e);
            case 'Q' -> {
                while (!in.atEnd() && !in.lookingAt("\\E")) {
                    t.literal(in.next());
                }
                if (!in.atEnd()) {
                    in.skip(2);
                }
            }
            case 'E' -> { }
            case 'x' -> t.literal(in.hexEscape());
            case 'o' -> t.literal(in.octalBraces());
            case 'c' -> t.literal(in.control());
            case '0' -> {
                in.skip(-1);
                t.literal(in.octal(3));
            }
            case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> numbered(t, in, e);
            case 'L', 'l', 'U', 'u' -> throw PcrePatternException.invalid("PCRE does not support \\L, \\l, \\U, or \\u");
            case 'X', 'K', 'g', 'k' -> throw PcrePatternException.unsupported("\\" + (char) e);
            default -> t.literal(simpleEscape(e));
        }
    }

    /** {@code \1}..: a back reference, or (past the groups opened so far) a literal 8/9 or an octal escape. */
    private static void numbered(PcreTranslator t, PcreCursor in, int first) throws PcrePatternException {
        int start = in.pos() - 1;
        int number = first - '0';
        while (PcreCursor.isDigit(in.peek(0), 10) && number < 100000) {
            number = number * 10 + (in.next() - '0');
        }
        if (number < 8 || number <= t.groupsOpened()) {
            t.backReference(number);
            return;
        }
        in.moveTo(start);
        t.literal(first >= '8' ? in.next() : in.octal(3));
    }

    /** {@code \d \D \s \S \w \W \h \H \v \V} as byte sets. */
    static ByteSet typeSet(int escape) {
        ByteSet set = switch (Character.toLowerCase(escape)) {
            case 'd' -> PcreTables.DIGIT;
            case 's' -> PcreTables.SPACE;
            case 'w' -> PcreTables.WORD;
            case 'h' -> PcreTables.HSPACE;
            default -> PcreTables.VSPACE;
        };
        return Character.isUpperCase(escape) ? set.complement() : set;
    }

    /** A one-character escape that stands for a byte: {@code \a \e \f \n \r \t}, else the character itself. */
    static int simpleEscape(int e) {
        return switch (e) {
            case 'a' -> 0x07;
            case 'e' -> 0x1b;
            case 'f' -> 0x0c;
            case 'n' -> 0x0a;
            case 'r' -> 0x0d;
            case 't' -> 0x09;
            default -> e;
        };
    }
}
