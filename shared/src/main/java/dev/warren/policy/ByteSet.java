package dev.warren.policy;

import java.util.Arrays;

/** An immutable set of byte values 0..255: the meaning of a PCRE character class in non-UTF mode. */
final class ByteSet {
    static final ByteSet EMPTY = new ByteSet(new long[4]);
    static final ByteSet ALL = EMPTY.complement();

    private final long[] bits;

    private ByteSet(long[] bits) {
        this.bits = bits;
    }

    static ByteSet of(int... values) {
        long[] b = new long[4];
        for (int v : values) {
            b[v >>> 6] |= 1L << (v & 63);
        }
        return new ByteSet(b);
    }

    static ByteSet range(int from, int to) {
        long[] b = new long[4];
        for (int v = from; v <= to; v++) {
            b[v >>> 6] |= 1L << (v & 63);
        }
        return new ByteSet(b);
    }

    /** The bytes for which the predicate holds. */
    static ByteSet where(java.util.function.IntPredicate predicate) {
        long[] b = new long[4];
        for (int v = 0; v < 256; v++) {
            if (predicate.test(v)) {
                b[v >>> 6] |= 1L << (v & 63);
            }
        }
        return new ByteSet(b);
    }

    boolean contains(int value) {
        return value >= 0 && value < 256 && (bits[value >>> 6] & 1L << (value & 63)) != 0;
    }

    ByteSet union(ByteSet other) {
        long[] b = new long[4];
        for (int i = 0; i < 4; i++) {
            b[i] = bits[i] | other.bits[i];
        }
        return new ByteSet(b);
    }

    ByteSet minus(ByteSet other) {
        long[] b = new long[4];
        for (int i = 0; i < 4; i++) {
            b[i] = bits[i] & ~other.bits[i];
        }
        return new ByteSet(b);
    }

    ByteSet complement() {
        long[] b = new long[4];
        for (int i = 0; i < 4; i++) {
            b[i] = ~bits[i];
        }
        return new ByteSet(b);
    }

    /**
     * A Java character class matching exactly these bytes when the subject is read as ISO-8859-1
     * characters; the empty set becomes a class no such subject can match.
     */
    String toJavaClass() {
        StringBuilder out = new StringBuilder("[");
        int v = 0;
        boolean any = false;
        while (v < 256) {
            if (!contains(v)) {
                v++;
                continue;
            }
            int end = v;
            while (end + 1 < 256 && contains(end + 1)) {
                end++;
            }
            out.append(hex(v));
            if (end > v) {
                out.append('-').append(hex(end));
            }
            any = true;
            v = end + 1;
        }
        return any ? out.append(']').toString() : "[^\\x00-\\xff]";
    }

    static String hex(int v) {
        return String.format("\\x%02x", v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteSet other && Arrays.equals(bits, other.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return toJavaClass();
    }
}
