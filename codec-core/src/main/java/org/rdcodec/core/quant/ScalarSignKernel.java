package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;

import org.rdcodec.core.buffer.GradientBuffer;

/** The reference {@link SignKernel}, one coordinate at a time. */
public final class ScalarSignKernel implements SignKernel {

    /** Creates the kernel. */
    public ScalarSignKernel() {
    }

    @Override
    public void pack(final MemorySegment src, final long fromFloat, final int count, final long[] words) {
        packRange(src, fromFloat, 0, count, words);
    }

    @Override
    public void unpack(final long[] words, final int count, final float scale, final MemorySegment dst, final long toFloat) {
        unpackRange(words, 0, count, scale, dst, toFloat);
    }

    /** The definition for coordinates {@code [from, to)}, {@code from} a multiple of 64; also the vector tail. */
    static void packRange(final MemorySegment src, final long fromFloat, final int from, final int to, final long[] words) {
        for (int w = from >>> 6; w < (to + 63) >>> 6; w++) {
            words[w] = 0;
        }
        for (int i = from; i < to; i++) {
            if (src.getAtIndex(GradientBuffer.FLOAT_LE, fromFloat + i) < 0f) {
                words[i >>> 6] |= 1L << (i & 63);
            }
        }
    }

    /** The definition for coordinates {@code [from, to)}; also the vector tail. */
    static void unpackRange(final long[] words, final int from, final int to, final float scale, final MemorySegment dst, final long toFloat) {
        for (int i = from; i < to; i++) {
            final boolean negative = ((words[i >>> 6] >>> (i & 63)) & 1L) != 0;
            dst.setAtIndex(GradientBuffer.FLOAT_LE, toFloat + i, negative ? -scale : scale);
        }
    }
}
