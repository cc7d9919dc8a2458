package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;

import org.rdcodec.core.buffer.GradientBuffer;

/** The reference {@link LloydMaxKernel}. */
public final class ScalarLloydMaxKernel implements LloydMaxKernel {

    /** Creates the kernel. */
    public ScalarLloydMaxKernel() {
    }

    @Override
    public void quantize(final MemorySegment src, final long fromFloat, final int count, final float mean, final float invSigma,
            final float[] thresholds, final int[] q) {
        quantizeRange(src, fromFloat, 0, count, mean, invSigma, thresholds, q);
    }

    /** The definition for indices {@code [from, to)}; also the vector tail. */
    static void quantizeRange(final MemorySegment src, final long fromFloat, final int from, final int to, final float mean, final float invSigma,
            final float[] thresholds, final int[] q) {
        for (int i = from; i < to; i++) {
            final float z = (src.getAtIndex(GradientBuffer.FLOAT_LE, fromFloat + i) - mean) * invSigma;
            int k = 0;
            for (final float t : thresholds) {
                k += z >= t ? 1 : 0;
            }
            q[i] = k;
        }
    }
}
