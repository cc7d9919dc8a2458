package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;

import org.rdcodec.core.buffer.GradientBuffer;

/** The reference {@link QsgdKernel}. */
public final class ScalarQsgdKernel implements QsgdKernel {

    /** Creates the kernel. */
    public ScalarQsgdKernel() {
    }

    @Override
    public void quantize(final MemorySegment src, final long fromFloat, final int count, final float scale, final int levels, final int key, final int[] q) {
        quantizeRange(src, fromFloat, 0, count, scale, levels, key, q);
    }

    @Override
    public void reconstruct(final int[] q, final int count, final float unit, final MemorySegment dst, final long toFloat) {
        reconstructRange(q, 0, count, unit, dst, toFloat);
    }

    /** The definition for stream indices {@code [from, to)}; also the vector tail. */
    static void quantizeRange(final MemorySegment src, final long fromFloat, final int from, final int to, final float scale, final int levels,
            final int key, final int[] q) {
        for (int i = from; i < to; i++) {
            final float x = src.getAtIndex(GradientBuffer.FLOAT_LE, fromFloat + i);
            final int l = Math.min(levels, (int) (Math.abs(x) * scale + Dither.unit(key, i)));
            q[i] = x < 0 ? -l : l;
        }
    }

    /** The definition for indices {@code [from, to)}; also the vector tail. */
    static void reconstructRange(final int[] q, final int from, final int to, final float unit, final MemorySegment dst, final long toFloat) {
        for (int i = from; i < to; i++) {
            dst.setAtIndex(GradientBuffer.FLOAT_LE, toFloat + i, q[i] * unit);
        }
    }
}
