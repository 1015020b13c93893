package dev.warren.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict {@code application/x-www-form-urlencoded} decoding of a query string or body, at the
 * byte level: {@code +} is space, {@code %XX} a byte, and the result must be valid UTF-8. Invalid
 * percent-encoding or UTF-8 is rejected, never repaired; NUL and control characters are kept.
 * Empty segments ({@code a=1&&b=2}) are skipped; a name without {@code =} has the empty value.
 */
public final class FormDecoder {

    private FormDecoder() {
    }

    /** Thrown for input that is not valid form encoding; the message is safe to log. */
    public static final class MalformedFormException extends Exception {
        MalformedFormException(String message) {
            super(message, null, false, false);
        }
    }

    /** Every name with all its values, in order of appearance. */
    public static Map<String, List<String>> decode(byte[] form) throws MalformedFormException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        int start = 0;
        while (start <= form.length) {
            int end = indexOf(form, (byte) '&', start);
            if (end > start) {
                int eq = indexOf(form, (byte) '=', start);
                String name;
                String value;
                if (eq < end) {
                    name = decodeComponent(form, start, eq);
                    value = decodeComponent(form, eq + 1, end);
                } else {
                    name = decodeComponent(form, start, end);
                    value = "";
                }
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
            start = end + 1;
        }
        return out;
    }

    private static int indexOf(byte[] data, byte b, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return data.length;
    }

    private static String decodeComponent(byte[] form, int from, int to) throws MalformedFormException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = form[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw new MalformedFormException("truncated percent-encoding");
                }
                int hi = Character.digit(form[i + 1], 16);
                int lo = Character.digit(form[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw new MalformedFormException("invalid percent-encoding");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        return utf8(bytes.toByteArray());
    }

    private static String utf8(byte[] bytes) throws MalformedFormException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFormException("invalid UTF-8");
        }
    }
}
