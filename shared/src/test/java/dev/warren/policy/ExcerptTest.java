package dev.warren.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void shortValuesAreKeptWhole() {
        assertThat(Excerpt.of("x".repeat(Excerpt.MAX_CHARS))).isEqualTo("x".repeat(Excerpt.MAX_CHARS));
        assertThat(Excerpt.quoted("app")).isEqualTo("'app'");
        assertThat(Excerpt.of(null)).isNull();
    }

    @Test
    void longValuesAreCutAndCarryTheirLength() {
        String cut = Excerpt.of("é".repeat(100_000));
        assertThat(cut).startsWith("é".repeat(Excerpt.MAX_CHARS)).endsWith("...[200000 bytes in all]");
        assertThat(cut.length()).isLessThan(Excerpt.MAX_CHARS + 40);
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String value = "a".repeat(Excerpt.MAX_CHARS - 1) + "😀".repeat(10);
        String cut = Excerpt.of(value);
        assertThat(cut).startsWith("a".repeat(Excerpt.MAX_CHARS - 1) + "...[");
    }

    @Test
    void reasonsAreBoundedWhateverTheyQuote() {
        Decision d = Decision.deny(Cause.REGEX_NO_MATCH, "x".repeat(50_000));
        assertThat(d.reason().length()).isLessThan(Excerpt.MAX_REASON_CHARS + 40);
    }
}
