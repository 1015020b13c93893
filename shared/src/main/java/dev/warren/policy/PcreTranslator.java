package dev.warren.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates a PCRE 8.44 pattern, held as ISO-8859-1 characters (one per byte, as the broker's
 * {@code re} sees it without the {@code unicode} option), into a {@link java.util.regex} pattern
 * with the same matches over a subject held the same way. Every class, escape, dot and caseless
 * literal becomes an explicit set of bytes from {@link PcreTables}; anchors and groups are carried
 * over; word boundaries become look-arounds on the Latin-1 word set. The result is meant for
 * {@code Pattern.UNIX_LINES} with no other flag. Syntax PCRE rejects, and valid PCRE this class
 * cannot reproduce, throw {@link PcrePatternException}.
 */
final class PcreTranslator {
    static final int VARIABLE = -1;

    /** What a quantifier at the current position would repeat. */
    private enum Previous { NOTHING, ATOM, QUANTIFIED, LOOKAROUND }

    enum GroupKind { ROOT, CAPTURE, GROUP, LOOKAHEAD, LOOKBEHIND }

    private record Flags(boolean caseless, boolean multiline, boolean dotall, boolean extended) {}

    /** An open group: the flags to restore and the byte lengths of its branches (for lookbehind). */
    private static final class Frame {
        final GroupKind kind;
        final Flags saved;
        final int number;
        final List<Integer> branches = new ArrayList<>();
        int length;
        int lastAtom;

        Frame(GroupKind kind, Flags saved, int number) {
            this.kind = kind;
            this.saved = saved;
            this.number = number;
        }
    }

    private record Reference(int number, boolean closed) {}

    private final PcreCursor in;
    private final StringBuilder out = new StringBuilder();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Set<Integer> closedGroups = new HashSet<>();
    private final Map<String, Integer> names = new HashMap<>();
    private final List<Reference> references = new ArrayList<>();
    private final PcreAutoPossess possess = new PcreAutoPossess(out);
    private Flags flags = new Flags(false, false, false, false);
    private Previous previous = Previous.NOTHING;
    private int groupsOpened;
    private boolean allowDuplicateNames;

    private PcreTranslator(String latin1Pattern) {
        this.in = new PcreCursor(latin1Pattern);
        frames.push(new Frame(GroupKind.ROOT, flags, 0));
    }

    /** The Java regex for a pattern given as ISO-8859-1 characters (already cut at its first NUL). */
    static String translate(String latin1Pattern) throws PcrePatternException {
        return new PcreTranslator(latin1Pattern).run();
    }

    private String run() throws PcrePatternException {
        while (!in.atEnd()) {
            int c = in.peek(0);
            if (flags.extended() && PcreTables.SPACE.contains(c)) {
                in.skip(1);
            } else if (flags.extended() && c == '#') {
                int nl = in.indexOf('\n');
                in.moveTo(nl < 0 ? Integer.MAX_VALUE / 2 : nl + 1);
            } else {
                step(c);
            }
        }
        if (frames.size() > 1) {
            throw PcrePatternException.invalid("missing )");
        }
        possess.finish();
        for (Reference r : references) {
            if (r.number() > groupsOpened) {
                throw PcrePatternException.invalid("reference to non-existent subpattern");
            }
            if (!r.closed()) {
                throw PcrePatternException.unsupported("a back reference to a group that is not closed before it");
            }
        }
        return out.toString();
    }

    private void step(int c) throws PcrePatternException {
        switch (c) {
            case '\\' -> PcreEscapes.escape(this, in);
            case '[' -> atom(PcreClassParser.parse(in, flags.caseless()).toJavaClass(), 1);
            case '(' -> PcreGroupSyntax.open(this, in);
            case ')' -> close();
            case '|' -> {
                in.skip(1);
                Frame f = frames.peek();
                f.branches.add(f.length);
                f.length = 0;
                possess.item(null);
                out.append('|');
                previous = Previous.NOTHING;
            }
            case '*', '+', '?' -> {
                in.skip(1);
                quantify(c == '+' ? 1 : 0, c == '?' ? 1 : VARIABLE, String.valueOf((char) c));
            }
            case '{' -> {
                int[] counted = in.countedRepeat();
                if (counted == null) {
                    literal(in.next());
                } else {
                    quantify(counted[0], counted[1], "{" + counted[0] + (counted[2] == 0 ? ""
                            : "," + (counted[1] == VARIABLE ? "" : counted[1])) + "}");
                }
            }
            case '.' -> {
                in.skip(1);
                typeAtom(flags.dotall() ? null : '.',
                        (flags.dotall() ? ByteSet.ALL : ByteSet.ALL.minus(PcreTables.NEWLINE)).toJavaClass(), 1);
            }
            case '^', '$' -> {
                in.skip(1);
                assertion(flags.multiline() ? "(?m:" + (char) c + ")" : String.valueOf((char) c));
            }
            default -> literal(in.next());
        }
    }

    private void quantify(int min, int max, String text) throws PcrePatternException {
        switch (previous) {
            case NOTHING, QUANTIFIED -> throw PcrePatternException.invalid("nothing to repeat");
            case LOOKAROUND -> throw PcrePatternException.unsupported("a quantified assertion");
            case ATOM -> { }
        }
        out.append(text);
        int suffix = in.peek(0) == '+' || in.peek(0) == '?' ? in.next() : 0;
        if (suffix != 0) {
            out.append((char) suffix);
        }
        possess.quantified(min, max, suffix == '+', suffix == '?', out.length());
        Frame f = frames.peek();
        int repeated = max == min && f.lastAtom != VARIABLE ? f.lastAtom * min : VARIABLE;
        f.length = f.length == VARIABLE || repeated == VARIABLE ? VARIABLE : f.length - f.lastAtom + repeated;
        f.lastAtom = repeated;
        previous = Previous.QUANTIFIED;
    }

    void atom(String java, int length) {
        possess.item(null);
        appendAtom(java, length);
    }

    /** A character type ({@code '.'} for dot or \N, else the escape letter) as one byte of the set. */
    void typeAtom(Character type, String java, int length) {
        possess.item(type);
        appendAtom(java, length);
    }

    private void appendAtom(String java, int length) {
        out.append(java);
        Frame f = frames.peek();
        f.length = f.length == VARIABLE || length == VARIABLE ? VARIABLE : f.length + length;
        f.lastAtom = length;
        previous = Previous.ATOM;
    }

    void assertion(String java) {
        possess.item(null);
        out.append(java);
        frames.peek().lastAtom = 0;
        previous = Previous.NOTHING;
    }

    void literal(int b) {
        ByteSet set = flags.caseless() ? PcreTables.caseless(b) : ByteSet.of(b);
        atom(set.equals(ByteSet.of(b)) ? javaLiteral(b) : set.toJavaClass(), 1);
    }

    /** A back reference to group {@code number}, checked when the whole pattern is read. */
    void backReference(int number) throws PcrePatternException {
        if (flags.caseless()) {
            throw PcrePatternException.unsupported("a back reference in caseless mode");
        }
        references.add(new Reference(number, closedGroups.contains(number)));
        atom("(?:\\" + number + ")", VARIABLE);
    }

    int groupsOpened() {
        return groupsOpened;
    }

    /** Opens a capturing group, named or not. */
    void openCapture(String name) throws PcrePatternException {
        if (name != null && names.putIfAbsent(name, groupsOpened + 1) != null) {
            throw allowDuplicateNames
                    ? PcrePatternException.unsupported("two groups with the same name under (?J)")
                    : PcrePatternException.invalid("two named subpatterns have the same name");
        }
        push(GroupKind.CAPTURE, ++groupsOpened, "(");
    }

    private static String javaLiteral(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ? String.valueOf((char) b) : ByteSet.hex(b);
    }

    void push(GroupKind kind, int number, String java, int skip) {
        in.skip(skip);
        push(kind, number, java);
    }

    void push(GroupKind kind, int number, String java) {
        possess.item(null);
        frames.push(new Frame(kind, flags, number));
        out.append(java);
        previous = Previous.NOTHING;
    }

    /** Options set by {@code (?imsx-imsx)} (rest of the group) or {@code (?imsx-imsx:...)} (a new group). */
    void options(boolean caseless, boolean multiline, boolean dotall, boolean extended, boolean group) {
        Flags changed = new Flags(caseless, multiline, dotall, extended);
        possess.item(null);
        if (group) {
            push(GroupKind.GROUP, 0, "(?:");
        } else {
            previous = Previous.NOTHING;
        }
        flags = changed;
    }

    /** {@code (?J)}: duplicate group names are allowed (they only matter to references by name). */
    void allowDuplicateNames() {
        allowDuplicateNames = true;
        previous = Previous.NOTHING;
    }

    boolean[] currentOptions() {
        return new boolean[] {flags.caseless(), flags.multiline(), flags.dotall(), flags.extended()};
    }

    private void close() throws PcrePatternException {
        in.skip(1);
        if (frames.size() == 1) {
            throw PcrePatternException.invalid("unmatched parentheses");
        }
        possess.item(null);
        Frame f = frames.pop();
        f.branches.add(f.length);
        flags = f.saved;
        out.append(')');
        if (f.kind == GroupKind.CAPTURE) {
            closedGroups.add(f.number);
        }
        if (f.kind == GroupKind.LOOKBEHIND && f.branches.contains(VARIABLE)) {
            throw PcrePatternException.invalid("lookbehind assertion is not fixed length");
        }
        if (f.kind == GroupKind.LOOKAHEAD || f.kind == GroupKind.LOOKBEHIND) {
            frames.peek().lastAtom = 0;
            previous = Previous.LOOKAROUND;
            return;
        }
        int length = f.branches.stream().distinct().count() == 1 ? f.branches.get(0) : VARIABLE;
        Frame parent = frames.peek();
        parent.length = parent.length == VARIABLE || length == VARIABLE ? VARIABLE : parent.length + length;
        parent.lastAtom = length;
        previous = Previous.ATOM;
    }

}
