package org.rdcodec.core.stats;

import java.lang.foreign.MemorySegment;

import org.rdcodec.core.buffer.GradientBuffer;

/**
 * Double-precision running totals of the shifted sums in {@link StatsKernel}'s contract, for one call
 * of a kernel. Not thread-safe; one instance per call.
 */
final class ShiftedMoments {

    private final float shift;
    private long count;
    private long nonFinite;
    private double sum;
    private double sumSquares;
    private double sumAbs;
    private float maxAbs;

    /**
     * @param shift the shift c, a finite value of the range (0 if it has none)
     */
    ShiftedMoments(final float shift) {
        this.shift = shift;
    }

    /**
     * The shift of {@link StatsKernel}'s contract: the first finite value of the range, or 0 if none.
     *
     * @param floats the memory
     * @param fromIndex first float index
     * @param count number of floats
     * @return the shift
     */
    static float firstFinite(final MemorySegment floats, final long fromIndex, final int count) {
        for (int i = 0; i < count; i++) {
            final float x = floats.getAtIndex(GradientBuffer.FLOAT_LE, fromIndex + i);
            if (Float.isFinite(x)) {
                return x;
            }
        }
        return 0f;
    }

    /** @return the shift c */
    float shift() {
        return shift;
    }

    /**
     * Accumulates {@code count} floats one at a time in double precision: the scalar reference, and the
     * Panama kernel's tail and fallback path.
     *
     * @param floats the memory
     * @param fromIndex first float index
     * @param length number of floats
     */
    void addScalar(final MemorySegment floats, final long fromIndex, final int length) {
        final double c = shift;
        long n = 0;
        double s = 0;
        double q = 0;
        double a = 0;
        float max = maxAbs;
        for (int i = 0; i < length; i++) {
            final float x = floats.getAtIndex(GradientBuffer.FLOAT_LE, fromIndex + i);
            if (Float.isFinite(x)) {
                final double d = x - c;
                final float ax = Math.abs(x);
                n++;
                s += d;
                q += d * d;
                a += ax;
                max = Math.max(max, ax);
            }
        }
        this.count += n;
        this.nonFinite += length - n;
        sum += s;
        sumSquares += q;
        sumAbs += a;
        maxAbs = max;
    }

    /**
     * Adds the partial sums of one block whose values were all finite.
     *
     * @param n number of values in the block
     * @param s sum of (x - c)
     * @param q sum of (x - c)^2
     * @param a sum of |x|
     * @param max largest |x|
     */
    void addBlock(final int n, final double s, final double q, final double a, final float max) {
        count += n;
        sum += s;
        sumSquares += q;
        sumAbs += a;
        maxAbs = Math.max(maxAbs, max);
    }

    /** @return the statistics of everything added */
    LayerStats toStats() {
        if (count == 0) {
            return new LayerStats(0, 0, 0, 0, 0, nonFinite);
        }
        final double n = count;
        final double meanShifted = sum / n;
        final double variance = Math.max(0.0, sumSquares / n - meanShifted * meanShifted);
        return new LayerStats(count, shift + meanShifted, variance, sumAbs / n, maxAbs, nonFinite);
    }
}
