package dev.warren.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Byte by byte against the broker: pcre-tables.txt holds, for each pattern, the set of single
 * bytes the broker's {@code re:run} matches with it (or that it does not compile). warren must
 * give the same set for every pattern, and a compile error exactly where the broker has one.
 */
class PcreTablesTest {

    /** One fixture line: the pattern's UTF-8 bytes, and the broker's byte set (null: compile error). */
    record BrokerAnswer(byte[] pattern, BigInteger matches, String readable) {
        static List<BrokerAnswer> load() throws IOException {
            try (InputStream in = PcreTablesTest.class.getResourceAsStream("pcre-tables.txt")) {
                List<BrokerAnswer> out = new ArrayList<>();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t", 3);
                    out.add(new BrokerAnswer(HexFormat.of().parseHex(f[0]),
                            f[1].equals("error") ? null : new BigInteger(f[1], 16), f[2]));
                }
                return out;
            }
        }
    }

    /** Probes of valid PCRE that warren refuses on purpose (docs/semantics.md): they must fail closed. */
    private static final Set<String> REFUSED_ON_PURPOSE = Set.of("(?U)a", "(?X)a", "(?X)\\y");

    private final PermissionRegex regex = new PermissionRegex();

    @Test
    void everyFixturePatternMatchesExactlyTheBytesTheBrokerMatches() throws IOException {
        List<BrokerAnswer> answers = BrokerAnswer.load();
        assertThat(answers).hasSizeGreaterThan(400);
        List<String> disagreements = new ArrayList<>();
        for (BrokerAnswer a : answers) {
            String latin1 = "\\A(?:" + new String(a.pattern(), StandardCharsets.ISO_8859_1) + ")\\z";
            String pattern = new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            if (a.matches() == null) {
                try {
                    PcreTranslator.translate(latin1);
                    disagreements.add(a.readable() + ": the broker rejects it, warren compiles it");
                } catch (PcrePatternException e) {
                    if (e.kind() != PcrePatternException.Kind.INVALID && !REFUSED_ON_PURPOSE.contains(a.readable())) {
                        disagreements.add(a.readable() + ": the broker rejects it, warren calls it " + e.describe());
                    }
                }
                continue;
            }
            if (REFUSED_ON_PURPOSE.contains(a.readable())) {
                if (regex.matchBytes(pattern, "a") != RegexOutcome.INVALID) {
                    disagreements.add(a.readable() + ": should fail closed");
                }
                continue;
            }
            for (int b = 0; b < 256; b++) {
                boolean broker = a.matches().testBit(b);
                RegexOutcome warren = regex.matchBytes(pattern, String.valueOf((char) b));
                if (warren != (broker ? RegexOutcome.MATCH : RegexOutcome.NO_MATCH)) {
                    disagreements.add(a.readable() + " on byte " + Integer.toHexString(b) + ": broker "
                            + (broker ? "match" : "no match") + ", warren " + warren
                            + PermissionRegex.compileError(pattern).map(e -> " (" + e + ")").orElse(""));
                    break;
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }
}
