package org.rdcodec.sw.ldpc;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Helpers for an n-bit source block packed in longs: bit i is bit (i % 64) of word i / 64, and bits at or
 * beyond n in the last word are zero. The CRC-32C is taken over the ceil(n / 64) words as little-endian
 * bytes; encoder and decoder must agree on it, so both use {@link #crc32c(long[], int)}.
 */
public final class SourceBlock {

    private static final ValueLayout.OfLong WORD_LE =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private SourceBlock() {
    }

    /**
     * @param n bits
     * @return longs needed to hold n bits
     */
    public static int words(final int n) {
        return (n + 63) >>> 6;
    }

    /**
     * Checks that words holds exactly an n-bit block.
     *
     * @param words packed bits
     * @param n block length
     * @param what name used in the error message
     */
    public static void validate(final long[] words, final int n, final String what) {
        final int need = words(n);
        if (words.length < need) {
            throw new SyndromeCodingException(what + ": " + n + " bits need " + need + " words, got " + words.length);
        }
        if ((n & 63) != 0 && (words[need - 1] >>> (n & 63)) != 0) {
            throw new SyndromeCodingException(what + ": bits at or beyond n=" + n + " in word " + (need - 1)
                    + " must be zero");
        }
        for (int w = need; w < words.length; w++) {
            if (words[w] != 0) {
                throw new SyndromeCodingException(what + ": word " + w + " lies beyond n=" + n + " and must be zero");
            }
        }
    }

    /**
     * @param words packed bits
     * @param n block length
     * @return CRC-32C of the first ceil(n / 64) words as little-endian bytes
     */
    public static int crc32c(final long[] words, final int n) {
        final int need = words(n);
        final ByteBuffer buf = ByteBuffer.allocate(need * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int w = 0; w < need; w++) {
            buf.putLong(words[w]);
        }
        buf.flip();
        final CRC32C crc = new CRC32C();
        crc.update(buf);
        return (int) crc.getValue();
    }

    /**
     * Copies an n-bit block out of a memory segment (little-endian longs).
     *
     * @param segment at least ceil(n / 64) * 8 bytes
     * @param n block length
     * @return the packed words
     */
    public static long[] fromSegment(final MemorySegment segment, final int n) {
        final int need = words(n);
        if (segment.byteSize() < (long) need * Long.BYTES) {
            throw new SyndromeCodingException("source segment: " + n + " bits need " + need * Long.BYTES
                    + " bytes, got " + segment.byteSize());
        }
        final long[] words = new long[need];
        for (int w = 0; w < need; w++) {
            words[w] = segment.get(WORD_LE, (long) w * Long.BYTES);
        }
        return words;
    }

    /**
     * @param a packed bits
     * @param b packed bits
     * @param n block length
     * @return number of positions below n where a and b differ
     */
    public static int hammingDistance(final long[] a, final long[] b, final int n) {
        int d = 0;
        final int need = words(n);
        for (int w = 0; w < need; w++) {
            long x = a[w] ^ b[w];
            if (w == need - 1 && (n & 63) != 0) {
                x &= (1L << (n & 63)) - 1;
            }
            d += Long.bitCount(x);
        }
        return d;
    }
}
