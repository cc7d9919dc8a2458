package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;

import org.rdcodec.core.buffer.GradientBuffer;

/** The reference {@link TernGradKernel}. */
public final class ScalarTernGradKernel implements TernGradKernel {

    /** Creates the kernel. */
    public ScalarTernGradKernel() {
    }

    @Override
    public void quantize(final MemorySegment src, final long fromFloat, final int count, final float max, final int key, final int[] q) {
        quantizeRange(src, fromFloat, 0, count, max, key, q);
    }

    /** The definition for stream indices {@code [from, to)}; also the vector tail. */
    static void quantizeRange(final MemorySegment src, final long fromFloat, final int from, final int to, final float max, final int key, final int[] q) {
        for (int i = from; i < to; i++) {
            final float x = src.getAtIndex(GradientBuffer.FLOAT_LE, fromFloat + i);
            q[i] = Dither.unit(key, i) * max < Math.abs(x) ? (x < 0 ? -1 : 1) : 0;
        }
    }
}
