package org.rdcodec.core.entropy;

import java.util.Arrays;

/** Growable byte scratch for the header, table and escape side stream of an encoder (reused across calls). */
final class ByteSink {

    private byte[] bytes = new byte[256];
    private int length;
    private long bitAcc;
    private int bitCount;

    void reset() {
        length = 0;
        bitAcc = 0;
        bitCount = 0;
    }

    /** Drops everything written after {@code newLength}. */
    void truncate(final int newLength) {
        length = newLength;
    }

    int length() {
        return length;
    }

    byte[] array() {
        return bytes;
    }

    /** Makes room for {@code n} more bytes. */
    void ensure(final long n) {
        final long needed = length + n;
        if (needed > bytes.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new EntropyCapacityException("entropy stream header would need " + needed + " bytes");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16L, 2L * bytes.length)));
        }
    }

    void u8(final int v) {
        ensure(1);
        bytes[length++] = (byte) v;
    }

    void varint(final long v) {
        ensure(5);
        long x = v;
        while (x >= 0x80) {
            bytes[length++] = (byte) (x | 0x80);
            x >>>= 7;
        }
        bytes[length++] = (byte) x;
    }

    /** Appends the low {@code width} (0..56) bits of {@code value} to the bit stream, LSB first. */
    void bits(final long value, final int width) {
        bitAcc |= (value & ((1L << width) - 1)) << bitCount;
        bitCount += width;
        while (bitCount >= 8) {
            u8((int) bitAcc);
            bitAcc >>>= 8;
            bitCount -= 8;
        }
    }

    /** Ends the bit stream: writes the last partial byte, zero-padded. */
    void flushBits() {
        if (bitCount > 0) {
            u8((int) bitAcc);
        }
        bitAcc = 0;
        bitCount = 0;
    }

    void zvarint(final int v) {
        varint(((v << 1) ^ (v >> 31)) & 0xFFFF_FFFFL);
    }
}
