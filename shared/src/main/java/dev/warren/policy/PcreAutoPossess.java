package dev.warren.policy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * PCRE 8.44's auto-possessification, where it changes matches. PCRE makes a repeated character
 * type possessive when it believes the next item can never match what the type matches; for these
 * pairs the belief is wrong in non-UTF mode (bytes 0x85, 0xA0, CR), so the broker refuses names the
 * plain pattern matches, e.g. {@code \S+\h} against {@code a} + byte A0, {@code .+\R} against
 * {@code a\r}. warren reproduces this when the two items are adjacent and the second cannot be
 * empty, and fails closed when such a pair may meet in any other way (across groups, alternatives,
 * optional items). Found by comparison with the broker; {@code PcreTablesTest} keeps the evidence.
 */
final class PcreAutoPossess {
    /** Type tokens: '.' is dot without (?s) or \N, the others are the escape letters. */
    private static final Map<Character, Set<Character>> WRONGLY_DISJOINT = Map.of(
            '.', Set.of('R'), 'S', Set.of('h', 'v', 'R'), 'h', Set.of('S'), 'v', Set.of('S'), 'R', Set.of('.', 's'));

    private final StringBuilder out;
    private final Set<Character> seen = new HashSet<>();
    private final Set<Character> unresolved = new HashSet<>();
    private Character lastType;
    private Character pending;
    private int quantifierEnd;
    private boolean lazy;
    private boolean nextMustNotBeEmpty;

    PcreAutoPossess(StringBuilder out) {
        this.out = out;
    }

    /** An item starts: a character type (token) or anything else (null). */
    void item(Character type) {
        nextMustNotBeEmpty = false;
        if (pending != null) {
            if (type != null && WRONGLY_DISJOINT.get(pending).contains(type)) {
                if (lazy) {
                    out.setCharAt(quantifierEnd - 1, '+');
                } else {
                    out.insert(quantifierEnd, '+');
                }
                nextMustNotBeEmpty = true;
            } else {
                unresolved.add(pending);
            }
            pending = null;
        }
        lastType = type;
        if (type != null) {
            seen.add(type);
        }
    }

    /** The last item got a quantifier; {@code end} is the index in the output just past it. */
    void quantified(int min, int max, boolean possessive, boolean lazyQuantifier, int end) throws PcrePatternException {
        if (nextMustNotBeEmpty && min == 0) {
            throw PcrePatternException.unsupported("an optional item after a repeat PCRE 8.44 makes possessive");
        }
        nextMustNotBeEmpty = false;
        if (lastType != null && WRONGLY_DISJOINT.containsKey(lastType) && min != max && !possessive) {
            pending = lastType;
            quantifierEnd = end;
            lazy = lazyQuantifier;
        }
        lastType = null;
    }

    /** End of pattern: a repeat that may meet a wrongly-disjoint item other than adjacently cannot be reproduced. */
    void finish() throws PcrePatternException {
        for (Character x : unresolved) {
            for (Character y : WRONGLY_DISJOINT.get(x)) {
                if (seen.contains(y)) {
                    throw PcrePatternException.unsupported("a repeated " + name(x) + " and a " + name(y)
                            + " that PCRE 8.44 may wrongly make possessive");
                }
            }
        }
    }

    private static String name(char type) {
        return type == '.' ? "'.'" : "\\" + type;
    }
}
