package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;

import org.rdcodec.core.buffer.GradientBuffer;

/**
 * The per-layer figures quantizers scale by. Computed in one pass over finite values; non-finite
 * values are counted and the index of the first is kept for the error message.
 *
 * @param count coordinates
 * @param mean mean of finite values
 * @param meanSquare mean of squares of finite values
 * @param meanAbs mean |x|
 * @param maxAbs max |x|
 * @param nonFinite count of NaN and Inf
 * @param firstNonFinite index (within the layer) of the first NaN or Inf, or -1
 */
record LayerMoments(int count, double mean, double meanSquare, double meanAbs, double maxAbs, long nonFinite, long firstNonFinite) {

    /** @return sqrt(E[x^2]) */
    double rms() {
        return Math.sqrt(meanSquare);
    }

    /** @return the standard deviation */
    double sigma() {
        return Math.sqrt(Math.max(0, meanSquare - mean * mean));
    }

    /** @return the L2 norm */
    double norm() {
        return Math.sqrt(meanSquare * count);
    }

    static LayerMoments of(final MemorySegment data, final long from, final int n) {
        double sum = 0;
        double sumSq = 0;
        double sumAbs = 0;
        double max = 0;
        long bad = 0;
        long first = -1;
        for (int i = 0; i < n; i++) {
            final float x = data.getAtIndex(GradientBuffer.FLOAT_LE, from + i);
            if (!Float.isFinite(x)) {
                if (bad++ == 0) {
                    first = i;
                }
                continue;
            }
            final double a = Math.abs(x);
            sum += x;
            sumSq += (double) x * x;
            sumAbs += a;
            max = Math.max(max, a);
        }
        final long good = n - bad;
        return good == 0
                ? new LayerMoments(n, 0, 0, 0, 0, bad, first)
                : new LayerMoments(n, sum / good, sumSq / good, sumAbs / good, max, bad, first);
    }
}
