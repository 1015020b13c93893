package dev.warren.policy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The character tables of the broker's PCRE (Erlang/OTP's bundled PCRE 8.44, non-UTF mode): how
 * each byte 0..255 is classified. ASCII bytes as in C; bytes 0x80..0xFF as ISO-8859-1 (Latin-1)
 * letters, digits and punctuation, except that {@code \s} and {@code [:blank:]} stay ASCII.
 * Unicode properties ({@code \p{..}}) apply to the byte value as a code point. Every table is
 * checked byte by byte against the broker's own answers ({@code pcre-tables.txt} in the tests).
 */
final class PcreTables {
    private PcreTables() {}

    static final ByteSet DIGIT = ByteSet.range('0', '9');
    static final ByteSet SPACE = ByteSet.range(0x09, 0x0d).union(ByteSet.of(' '));
    static final ByteSet UPPER = ByteSet.range('A', 'Z').union(ByteSet.range(0xc0, 0xde)).minus(ByteSet.of(0xd7));
    static final ByteSet LOWER = ByteSet.range('a', 'z').union(ByteSet.of(0xaa, 0xb5, 0xba))
            .union(ByteSet.range(0xdf, 0xff)).minus(ByteSet.of(0xf7));
    static final ByteSet ALPHA = UPPER.union(LOWER);
    static final ByteSet ALNUM = ALPHA.union(DIGIT);
    static final ByteSet WORD = ALNUM.union(ByteSet.of('_'));
    static final ByteSet CNTRL = ByteSet.range(0x00, 0x1f).union(ByteSet.of(0x7f)).union(ByteSet.range(0x80, 0x9f));
    static final ByteSet PRINT = ByteSet.range(0x20, 0x7e).union(ByteSet.range(0xa0, 0xff));
    static final ByteSet GRAPH = PRINT.minus(ByteSet.of(' '));
    static final ByteSet PUNCT = GRAPH.minus(ALNUM);
    static final ByteSet XDIGIT = DIGIT.union(ByteSet.range('a', 'f')).union(ByteSet.range('A', 'F'));
    static final ByteSet BLANK = ByteSet.of('\t', ' ');
    /** {@code \h}: fixed by PCRE, not by the tables. */
    static final ByteSet HSPACE = ByteSet.of('\t', ' ', 0xa0);
    /** {@code \v}: fixed by PCRE, not by the tables. */
    static final ByteSet VSPACE = ByteSet.range(0x0a, 0x0d).union(ByteSet.of(0x85));
    static final ByteSet NEWLINE = ByteSet.of('\n');

    private static final Map<String, ByteSet> POSIX = Map.ofEntries(
            Map.entry("alpha", ALPHA), Map.entry("lower", LOWER), Map.entry("upper", UPPER),
            Map.entry("alnum", ALNUM), Map.entry("ascii", PRINT.union(CNTRL)), Map.entry("blank", BLANK),
            Map.entry("cntrl", CNTRL), Map.entry("digit", DIGIT), Map.entry("graph", GRAPH),
            Map.entry("print", PRINT), Map.entry("punct", PUNCT), Map.entry("space", SPACE),
            Map.entry("word", WORD), Map.entry("xdigit", XDIGIT));

    /** Script names PCRE 8.44 knows (Unicode 7); only Latin and Common have members below 0x100. */
    private static final Set<String> SCRIPTS = Set.of(("Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak"
            + " Bengali Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian Caucasian_Albanian Chakma"
            + " Cham Cherokee Common Coptic Cuneiform Cypriot Cyrillic Deseret Devanagari Duployan"
            + " Egyptian_Hieroglyphs Elbasan Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati Gurmukhi Han"
            + " Hangul Hanunoo Hebrew Hiragana Imperial_Aramaic Inherited Inscriptional_Pahlavi Inscriptional_Parthian"
            + " Javanese Kaithi Kannada Katakana Kayah_Li Kharoshthi Khmer Khojki Khudawadi Lao Latin Lepcha Limbu"
            + " Linear_A Linear_B Lisu Lycian Lydian Mahajani Malayalam Mandaic Manichaean Meetei_Mayek Mende_Kikakui"
            + " Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mongolian Mro Myanmar Nabataean New_Tai_Lue Nko Ogham"
            + " Ol_Chiki Old_Italic Old_North_Arabian Old_Permic Old_Persian Old_South_Arabian Old_Turkic Oriya"
            + " Osmanya Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan"
            + " Saurashtra Sharada Shavian Siddham Sinhala Sora_Sompeng Sundanese Syloti_Nagri Syriac Tagalog"
            + " Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tamil Telugu Thaana Thai Tibetan Tifinagh Tirhuta Ugaritic"
            + " Vai Warang_Citi Yi").split(" "));

    private static final Map<String, Integer> CATEGORIES = Map.ofEntries(
            Map.entry("Cc", (int) Character.CONTROL), Map.entry("Cf", (int) Character.FORMAT),
            Map.entry("Cn", (int) Character.UNASSIGNED), Map.entry("Co", (int) Character.PRIVATE_USE),
            Map.entry("Cs", (int) Character.SURROGATE), Map.entry("Ll", (int) Character.LOWERCASE_LETTER),
            Map.entry("Lm", (int) Character.MODIFIER_LETTER), Map.entry("Lo", (int) Character.OTHER_LETTER),
            Map.entry("Lt", (int) Character.TITLECASE_LETTER), Map.entry("Lu", (int) Character.UPPERCASE_LETTER),
            Map.entry("Mc", (int) Character.COMBINING_SPACING_MARK), Map.entry("Me", (int) Character.ENCLOSING_MARK),
            Map.entry("Mn", (int) Character.NON_SPACING_MARK), Map.entry("Nd", (int) Character.DECIMAL_DIGIT_NUMBER),
            Map.entry("Nl", (int) Character.LETTER_NUMBER), Map.entry("No", (int) Character.OTHER_NUMBER),
            Map.entry("Pc", (int) Character.CONNECTOR_PUNCTUATION), Map.entry("Pd", (int) Character.DASH_PUNCTUATION),
            Map.entry("Pe", (int) Character.END_PUNCTUATION), Map.entry("Pf", (int) Character.FINAL_QUOTE_PUNCTUATION),
            Map.entry("Pi", (int) Character.INITIAL_QUOTE_PUNCTUATION),
            Map.entry("Po", (int) Character.OTHER_PUNCTUATION), Map.entry("Ps", (int) Character.START_PUNCTUATION),
            Map.entry("Sc", (int) Character.CURRENCY_SYMBOL), Map.entry("Sk", (int) Character.MODIFIER_SYMBOL),
            Map.entry("Sm", (int) Character.MATH_SYMBOL), Map.entry("So", (int) Character.OTHER_SYMBOL),
            Map.entry("Zl", (int) Character.LINE_SEPARATOR), Map.entry("Zp", (int) Character.PARAGRAPH_SEPARATOR),
            Map.entry("Zs", (int) Character.SPACE_SEPARATOR));

    /** {@code [:name:]}, or empty for a name PCRE does not know (a compile error). */
    static Optional<ByteSet> posix(String name) {
        return Optional.ofNullable(POSIX.get(name));
    }

    /** The byte and the other case of it, as PCRE's caseless matching sees them (ASCII and Latin-1 letters). */
    static ByteSet caseless(int b) {
        if (UPPER.contains(b)) {
            return ByteSet.of(b, b + 0x20);
        }
        if (LOWER.contains(b) && UPPER.contains(b - 0x20)) {
            return ByteSet.of(b, b - 0x20);
        }
        return ByteSet.of(b);
    }

    /** The bytes of a set together with their other case. */
    static ByteSet caseless(ByteSet set) {
        ByteSet out = set;
        for (int b = 0; b < 256; b++) {
            if (set.contains(b)) {
                out = out.union(caseless(b));
            }
        }
        return out;
    }

    /** {@code \p{name}} over byte values as code points; empty for a name PCRE does not know. */
    static Optional<ByteSet> property(String name) {
        Integer category = CATEGORIES.get(name);
        if (category != null) {
            return Optional.of(ByteSet.where(c -> Character.getType(c) == category));
        }
        if (SCRIPTS.contains(name)) {
            String script = name.toUpperCase(java.util.Locale.ROOT);
            return Optional.of(ByteSet.where(c -> Character.UnicodeScript.of(c).name().equals(script)));
        }
        return switch (name) {
            case "Any" -> Optional.of(ByteSet.ALL);
            case "L&" -> Optional.of(group("Ll", "Lu", "Lt"));
            case "C", "L", "M", "N", "P", "S", "Z" -> Optional.of(ByteSet.where(
                    c -> categoryName(Character.getType(c)).startsWith(name)));
            case "Xan" -> Optional.of(letterOrNumber());
            case "Xwd" -> Optional.of(letterOrNumber().union(ByteSet.of('_')));
            case "Xps", "Xsp" -> Optional.of(ByteSet.where(c -> categoryName(Character.getType(c)).startsWith("Z"))
                    .union(ByteSet.range(0x09, 0x0d)).union(ByteSet.of(0x85)));
            case "Xuc" -> Optional.of(ByteSet.of('$', '@', '`').union(ByteSet.range(0xa0, 0xff)));
            default -> Optional.empty();
        };
    }

    private static ByteSet letterOrNumber() {
        return ByteSet.where(c -> {
            String n = categoryName(Character.getType(c));
            return n.startsWith("L") || n.startsWith("N");
        });
    }

    private static ByteSet group(String... names) {
        ByteSet out = ByteSet.EMPTY;
        for (String n : names) {
            out = out.union(property(n).orElseThrow());
        }
        return out;
    }

    private static String categoryName(int type) {
        for (Map.Entry<String, Integer> e : CATEGORIES.entrySet()) {
            if (e.getValue() == type) {
                return e.getKey();
            }
        }
        return "Cn";
    }
}
