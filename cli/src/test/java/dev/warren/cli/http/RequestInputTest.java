package dev.warren.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RequestInputTest {

    /** A source that hands out at most {@code chunk} bytes per read, as a socket may. */
    private static InputStream trickle(byte[] data, int chunk) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void awaitingAByteConsumesNothing() throws IOException {
        RequestInput in = new RequestInput(trickle("GET / HTTP/1.1\r\n".getBytes(), 3));
        assertThat(in.awaitByte()).isTrue();
        assertThat(in.awaitByte()).isTrue();
        assertThat(new String(in.readNBytes(16))).isEqualTo("GET / HTTP/1.1\r\n");
        assertThat(in.awaitByte()).isFalse();
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void bytesComeOutInOrderWhateverTheReadSizes() throws IOException {
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        RequestInput in = new RequestInput(trickle(data, 7_000));
        byte[] out = new byte[data.length];
        int at = 0;
        out[at++] = (byte) in.read();
        at += in.readNBytes(out, at, 10);
        at += in.readNBytes(out, at, 20_000);
        while (at < out.length) {
            out[at++] = (byte) in.read();
        }
        assertThat(Arrays.equals(out, data)).isTrue();
        assertThat(in.read()).isEqualTo(-1);
    }
}
