package dev.warren.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PermissionRegexTest {

    private final PermissionRegex regex = new PermissionRegex();

    @Test
    void matchIsUnanchored() {
        assertThat(regex.match("foo", "xfooy")).isEqualTo(RegexOutcome.MATCH);
        assertThat(regex.match("app\\.", "my.app.queue")).isEqualTo(RegexOutcome.MATCH);
    }

    @Test
    void anchorsInThePatternStillAnchor() {
        assertThat(regex.match("^app\\.", "my.app.queue")).isEqualTo(RegexOutcome.NO_MATCH);
        assertThat(regex.match("^app\\.", "app.queue")).isEqualTo(RegexOutcome.MATCH);
        assertThat(regex.match("^app$", "app2")).isEqualTo(RegexOutcome.NO_MATCH);
    }

    @Test
    void emptyRegexIsCaretDollarNotMatchAll() {
        assertThat(regex.match("", "anything")).isEqualTo(RegexOutcome.NO_MATCH);
        assertThat(regex.match("", "a")).isEqualTo(RegexOutcome.NO_MATCH);
        assertThat(regex.match("", " ")).isEqualTo(RegexOutcome.NO_MATCH);
        // the broker rewrites '' to '^$', which matches the empty string
        assertThat(regex.match("", "")).isEqualTo(RegexOutcome.MATCH);
    }

    @Test
    void dotStarMatchesEmptyName() {
        assertThat(regex.match(".*", "")).isEqualTo(RegexOutcome.MATCH);
    }

    @Test
    void invalidRegexIsReportedNotThrown() {
        assertThat(regex.match("[", "x")).isEqualTo(RegexOutcome.INVALID);
        assertThat(regex.match("(", "x")).isEqualTo(RegexOutcome.INVALID);
        assertThat(PermissionRegex.compileError("[")).isPresent();
        assertThat(PermissionRegex.compileError("^ok$")).isEmpty();
    }

    @Test
    void catastrophicPatternIsCutOffQuickly() {
        String subject = "a".repeat(40) + "b";
        long start = System.nanoTime();
        RegexOutcome outcome = regex.match("^(.*a){12}$", subject);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(outcome).isEqualTo(RegexOutcome.BUDGET_EXCEEDED);
        // a generous bound; the budget is a step count, not a timer
        assertThat(took).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void budgetIsPerMatchNotPerPattern() {
        regex.match("^(.*a){12}$", "a".repeat(40) + "b");
        assertThat(regex.match("^(.*a){2}$", "aa")).isEqualTo(RegexOutcome.MATCH);
    }

    @Test
    void nestedQuantifierOnModernJavaStillAnswers() {
        assertThat(regex.match("^(a+)+$", "a".repeat(40) + "b")).isIn(RegexOutcome.NO_MATCH,
                RegexOutcome.BUDGET_EXCEEDED);
    }

    @Test
    void lineTerminatorsFollowPcreNotJava() {
        // PCRE: '$' matches before a final \n only, not before \r; '.' matches \r and \u2028.
        assertThat(regex.match("^a$", "a\r")).isEqualTo(RegexOutcome.NO_MATCH);
        assertThat(regex.match("^a$", "a\n")).isEqualTo(RegexOutcome.MATCH);
        assertThat(regex.match("^a.b$", "a\rb")).isEqualTo(RegexOutcome.MATCH);
        assertThat(regex.match("^a.b$", "a\u2028b")).isEqualTo(RegexOutcome.MATCH);
        assertThat(regex.match("^a.b$", "a\nb")).isEqualTo(RegexOutcome.NO_MATCH);
    }

    @Test
    void nonAsciiCountsCharactersNotBytes() {
        // Documented difference: Erlang counts bytes (é is two), Java counts UTF-16 chars.
        assertThat(regex.match("^.$", "é")).isEqualTo(RegexOutcome.MATCH);
        assertThat(regex.match("^caf.$", "café")).isEqualTo(RegexOutcome.MATCH);
    }

    @Test
    void caseSensitive() {
        assertThat(regex.match("^App", "app")).isEqualTo(RegexOutcome.NO_MATCH);
    }

    @Test
    void bracesThatAreNotQuantifiersAreLiteralAsInPcre() {
        assertThat(regex.match("^{username}$", "{username}")).isEqualTo(RegexOutcome.MATCH);
        assertThat(regex.match("^a{2}$", "aa")).isEqualTo(RegexOutcome.MATCH);
        assertThat(regex.match("^a{2}$", "a{2}")).isEqualTo(RegexOutcome.NO_MATCH);
        assertThat(regex.match("^a{1,3}$", "aaa")).isEqualTo(RegexOutcome.MATCH);
        assertThat(regex.match("^a{2,}$", "aaaa")).isEqualTo(RegexOutcome.MATCH);
        assertThat(regex.match("^a{,2}$", "a{,2}")).isEqualTo(RegexOutcome.MATCH);
        assertThat(regex.match("^x{y$", "x{y")).isEqualTo(RegexOutcome.MATCH);
        assertThat(regex.match("^[{]$", "{")).isEqualTo(RegexOutcome.MATCH);
        assertThat(regex.match("^\\{a}$", "{a}")).isEqualTo(RegexOutcome.MATCH);
        assertThat(regex.match("^\\Q{a}\\E$", "{a}")).isEqualTo(RegexOutcome.MATCH);
        assertThat(PermissionRegex.compileError("^{username}\\.")).isEmpty();
    }

    @Test
    void literalBracesLeavesEverythingElseAlone() {
        assertThat(PermissionRegex.literalBraces("^app\\.(x|y){2}$")).isEqualTo("^app\\.(x|y){2}$");
        assertThat(PermissionRegex.literalBraces("a{b}")).isEqualTo("a\\{b}");
        assertThat(PermissionRegex.literalBraces("\\Q{\\E{")).isEqualTo("\\Q{\\E\\{");
        assertThat(PermissionRegex.literalBraces("\\\\{x}")).isEqualTo("\\\\\\{x}");
    }
}
