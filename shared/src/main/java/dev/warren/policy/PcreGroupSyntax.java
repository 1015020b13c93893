package dev.warren.policy;

import dev.warren.policy.PcreTranslator.GroupKind;

/**
 * What follows an opening parenthesis: capturing and named groups, {@code (?:}, atomic groups,
 * look-arounds, comments, option settings ({@code (?i)}, {@code (?x-s:...)}; i, m, s, x and J
 * are reproduced, U and X are not), and the PCRE-only forms warren refuses (verbs, recursion,
 * conditionals, callouts, branch reset, {@code (?P=name)}).
 */
final class PcreGroupSyntax {
    private PcreGroupSyntax() {}

    /** The cursor is at the {@code (}. */
    static void open(PcreTranslator t, PcreCursor in) throws PcrePatternException {
        in.skip(1);
        if (in.peek(0) == '*') {
            throw PcrePatternException.unsupported("(*VERB) or a start-of-pattern option");
        }
        if (in.peek(0) != '?') {
            t.openCapture(null);
            return;
        }
        switch (in.peek(1)) {
            case ':' -> t.push(GroupKind.GROUP, 0, "(?:", 2);
            case '>' -> t.push(GroupKind.GROUP, 0, "(?>", 2);
            case '=' -> t.push(GroupKind.LOOKAHEAD, 0, "(?=", 2);
            case '!' -> t.push(GroupKind.LOOKAHEAD, 0, "(?!", 2);
            case '#' -> {
                int close = in.indexOf(')');
                if (close < 0) {
                    throw PcrePatternException.invalid("missing ) after comment");
                }
                in.moveTo(close + 1);
            }
            case '<' -> {
                if (in.peek(2) == '=' || in.peek(2) == '!') {
                    t.push(GroupKind.LOOKBEHIND, 0, in.peek(2) == '=' ? "(?<=" : "(?<!", 3);
                } else {
                    named(t, in, 2, '>');
                }
            }
            case '\'' -> named(t, in, 2, '\'');
            case 'P' -> {
                if (in.peek(2) != '<') {
                    throw PcrePatternException.unsupported("(?P=name) or (?P>name)");
                }
                named(t, in, 3, '>');
            }
            default -> options(t, in);
        }
    }

    private static void named(PcreTranslator t, PcreCursor in, int skip, char terminator) throws PcrePatternException {
        in.skip(skip);
        int from = in.pos();
        while (!in.atEnd() && (PcreCursor.isDigit(in.peek(0), 36) || in.peek(0) == '_')) {
            in.skip(1);
        }
        String name = in.slice(from, in.pos());
        if (in.peek(0) != terminator || name.isEmpty() || name.length() > 32 || Character.isDigit(name.charAt(0))) {
            throw PcrePatternException.invalid("syntax error in subpattern name");
        }
        in.skip(1);
        t.openCapture(name);
    }

    /** The cursor is at the {@code ?} after {@code (}. */
    private static void options(PcreTranslator t, PcreCursor in) throws PcrePatternException {
        int k = in.peek(1);
        if (k == 'R' || k == '&' || PcreCursor.isDigit(k, 10)
                || ((k == '+' || k == '-') && PcreCursor.isDigit(in.peek(2), 10))) {
            throw PcrePatternException.unsupported("recursion or a subroutine call");
        }
        switch (k) {
            case '(' -> throw PcrePatternException.unsupported("a conditional group");
            case 'C' -> throw PcrePatternException.unsupported("a callout");
            case '|' -> throw PcrePatternException.unsupported("a branch-reset group");
            default -> { }
        }
        boolean[] on = t.currentOptions();
        boolean set = true;
        int offset = 1;
        while (true) {
            int c = in.peek(offset++);
            switch (c) {
                case 'i' -> on[0] = set;
                case 'm' -> on[1] = set;
                case 's' -> on[2] = set;
                case 'x' -> on[3] = set;
                case '-' -> set = false;
                case 'J' -> t.allowDuplicateNames();
                case 'U', 'X' -> throw PcrePatternException.unsupported("option (?" + (char) c + ")");
                case ')', ':' -> {
                    in.skip(offset);
                    t.options(on[0], on[1], on[2], on[3], c == ':');
                    return;
                }
                default -> throw PcrePatternException.invalid("unrecognized character after (? or (?-");
            }
        }
    }
}
