package dev.warren.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warren.protocol.FormDecoder.MalformedFormException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormDecoderTest {

    private static Map<String, List<String>> decode(String form) throws MalformedFormException {
        return FormDecoder.decode(form.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void plusIsSpaceAndPercentIsAByte() throws Exception {
        assertThat(decode("name=a+b%20c%2Bd%26e%25f%3Dg")).containsEntry("name", List.of("a b c+d&e%f=g"));
    }

    @Test
    void utf8PercentEncoding() throws Exception {
        assertThat(decode("username=jos%C3%A9&vhost=%E7%94%A8%E6%88%B7")).containsEntry("username", List.of("josé"))
                .containsEntry("vhost", List.of("用户"));
    }

    @Test
    void rawUtf8BytesAreAccepted() throws Exception {
        byte[] raw = "username=josé".getBytes(StandardCharsets.UTF_8);
        assertThat(FormDecoder.decode(raw)).containsEntry("username", List.of("josé"));
    }

    @Test
    void repeatedNamesKeepEveryValue() throws Exception {
        assertThat(decode("a=1&a=2")).containsEntry("a", List.of("1", "2"));
    }

    @Test
    void namesAreExactAndDecoded() throws Exception {
        assertThat(decode("UserName=x&user%6eame=y")).containsEntry("UserName", List.of("x"))
                .containsEntry("username", List.of("y"));
    }

    @Test
    void emptySegmentsAreSkippedAndBareNamesAreEmpty() throws Exception {
        assertThat(decode("&a=1&&b&c=")).isEqualTo(Map.of("a", List.of("1"), "b", List.of(""), "c", List.of("")));
        assertThat(decode("")).isEmpty();
    }

    @Test
    void onlyTheFirstEqualsSplits() throws Exception {
        assertThat(decode("k=a=b")).containsEntry("k", List.of("a=b"));
    }

    @Test
    void nulAndControlCharactersAreKept() throws Exception {
        assertThat(decode("p=ab%00cd%0A%09")).containsEntry("p", List.of("ab\0cd\n\t"));
        assertThat(decode("p=%20x%20")).containsEntry("p", List.of(" x "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%zz", "a=%4", "a=%", "a=b%", "a=%e9", "a=%C3", "a=%C3%28", "a=%ED%A0%80", "a=%FF",
            "a=%C0%AF", "%zz=1"})
    void invalidEncodingIsRejectedNotRepaired(String form) {
        assertThatThrownBy(() -> decode(form)).isInstanceOf(MalformedFormException.class);
    }

    @Test
    void rawInvalidUtf8IsRejected() {
        assertThatThrownBy(() -> FormDecoder.decode(new byte[] {'a', '=', (byte) 0xE9}))
                .isInstanceOf(MalformedFormException.class);
    }
}
