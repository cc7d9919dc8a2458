package org.rdcodec.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rdcodec.core.buffer.BufferRangeException;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.buffer.NoBufferLeaks;

/**
 * The Vector API kernel against the scalar reference, on awkward sizes and offsets, with tolerances
 * derived from {@link PanamaStatsKernel}'s documented error bound.
 */
@ExtendWith(NoBufferLeaks.class)
class StatsKernelTest {

    /** Unit roundoff of float32. */
    private static final double U = 0x1p-24;

    /**
     * Relative bound for S = sum(x - c) and A = sum|x| (scaled by sum|x - c| resp. sum|x|):
     * k = {@link PanamaStatsKernel#MAX_FLOAT_ROUNDINGS} float roundings in the Panama kernel (class comment),
     * plus 1 u for all double-precision work in both kernels (at most n * 2^-53 relative, and n * 2^-53 &lt;= 2^-24
     * for the n &lt;= 2^29 used here), plus 1 u for the second-order part of Higham's gamma_k = k u / (1 - k u)
     * (k u &lt; 1e-5, so the excess is below 1e-10 relative).
     */
    private static final double SUM_BOUND = (PanamaStatsKernel.MAX_FLOAT_ROUNDINGS + 2) * U;

    /**
     * Relative bound for the variance Q/n - (S/n)^2, scaled by D2 = sum (x - c)^2 / n:
     * |err(Q/n)| &lt;= SUM_BOUND * D2, and |err((S/n)^2)| &lt;= 2 |S/n| * SUM_BOUND * D1 &lt;= 2 * SUM_BOUND * D2
     * because |S/n| &lt;= D1 = sum|x - c| / n and D1^2 &lt;= D2 (Cauchy-Schwarz). Total 3 * SUM_BOUND.
     */
    private static final double VARIANCE_BOUND = 3 * SUM_BOUND;

    /** Sizes around the vector shape: lanes, a 4-vector step, a flush block, and the list. */
    private static final int LANES = PanamaStatsKernel.LANES;
    private static final int STEP = PanamaStatsKernel.UNROLL * LANES;
    private static final int BLOCK = PanamaStatsKernel.BLOCK_FLOATS;
    private static final int[] SIZES = {0, 1, 7, 9, LANES - 1, LANES, LANES + 1, STEP - 1, STEP, STEP + 1, 1000, 4099,
        BLOCK - 1, BLOCK + STEP + 3, 3 * BLOCK + 5};

    private final StatsKernel scalar = new ScalarStatsKernel();
    private final StatsKernel panama = new PanamaStatsKernel();

    @Test
    void panamaMatchesScalarOnAwkwardSizes() {
        final SplittableRandom rnd = new SplittableRandom(20261123L);
        for (final int n : SIZES) {
            final float[] zeroMean = fill(n, i -> rnd.nextGaussian());
            final float[] largeMean = fill(n, i -> 1000.0 + 0.01 * rnd.nextGaussian());
            final float[] wideRange = fill(n, i -> (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, rnd.nextDouble(-6, 6)));
            for (final float[] data : new float[][] {zeroMean, largeMean, wideRange}) {
                try (GradientBuffer b = GradientBuffer.of(data)) {
                    assertAgree(data, 0, n, b);
                }
            }
        }
    }

    @Test
    void panamaMatchesScalarOnRangesAtOddOffsets() {
        final SplittableRandom rnd = new SplittableRandom(7L);
        final float[] data = fill(3 * BLOCK + 101, i -> 0.5 + rnd.nextGaussian());
        try (GradientBuffer b = GradientBuffer.of(data)) {
            final int[][] ranges = {{1, 0}, {3, 1}, {5, 1000}, {7, 4099}, {13, LANES + 1}, {LANES - 1, BLOCK + 1},
                {1, data.length - 1}, {data.length - 9, 9}};
            for (final int[] r : ranges) {
                assertAgree(data, r[0], r[1], b);
            }
        }
    }

    @Test
    void nonFiniteValuesAreCountedAndLeftOut() {
        final SplittableRandom rnd = new SplittableRandom(11L);
        final int n = 2 * BLOCK + 37;
        final float[] data = fill(n, i -> rnd.nextGaussian());
        final int[] holes = {0, 5, STEP + 1, BLOCK - 1, BLOCK + 2, n - 3, n - 1};
        final float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.intBitsToFloat(0x7f80_0001), Float.NaN, Float.POSITIVE_INFINITY, Float.intBitsToFloat(0xffc0_1234)};
        final float[] finiteOnly = new float[n - holes.length];
        for (int h = 0; h < holes.length; h++) {
            data[holes[h]] = specials[h];
        }
        for (int i = 0, j = 0; i < n; i++) {
            if (Float.isFinite(data[i])) {
                finiteOnly[j++] = data[i];
            }
        }
        try (GradientBuffer withHoles = GradientBuffer.of(data); GradientBuffer clean = GradientBuffer.of(finiteOnly)) {
            final LayerStats s = scalar.stats(withHoles);
            final LayerStats p = panama.stats(withHoles);
            assertEquals(holes.length, s.nonFinite());
            assertEquals(holes.length, p.nonFinite());
            assertEquals(finiteOnly.length, p.count());
            // Removing the holes keeps the first finite value (the shift) and the order of the scalar sums,
            // so the scalar reference gives bit-identical results on both.
            final LayerStats sClean = scalar.stats(clean);
            assertEquals(new LayerStats(sClean.count(), sClean.mean(), sClean.variance(), sClean.meanAbs(),
                    sClean.maxAbs(), holes.length), s);
            assertAgree(data, 0, n, withHoles);
        }
    }

    @Test
    void onlyNonFiniteValuesGiveZeroMoments() {
        final float[] data = new float[STEP + 3];
        java.util.Arrays.fill(data, Float.NaN);
        data[2] = Float.NEGATIVE_INFINITY;
        try (GradientBuffer b = GradientBuffer.of(data)) {
            final LayerStats expected = new LayerStats(0, 0, 0, 0, 0, data.length);
            assertEquals(expected, scalar.stats(b));
            assertEquals(expected, panama.stats(b));
        }
    }

    @Test
    void floatOverflowFallsBackToDouble() {
        // squares of 1e20 exceed Float.MAX_VALUE: the Panama kernel must redo such blocks in double
        final SplittableRandom rnd = new SplittableRandom(3L);
        final int n = BLOCK + STEP + 5;
        final float[] data = fill(n, i -> (i % 2 == 0 ? 1 : -1) * 1e20 * (1 + rnd.nextDouble()));
        data[n / 2] = Float.MAX_VALUE;
        try (GradientBuffer b = GradientBuffer.of(data)) {
            final LayerStats p = panama.stats(b);
            assertTrue(Double.isFinite(p.variance()) && p.variance() > 1e39, p.toString());
            assertEquals(Float.MAX_VALUE, p.maxAbs());
            assertAgree(data, 0, n, b);
        }
    }

    @Test
    void constantSequenceHasExactMomentsAndZeroVariance() {
        for (final StatsKernel k : new StatsKernel[] {scalar, panama}) {
            for (final int n : new int[] {1, LANES + 1, 4099}) {
                final float[] data = new float[n];
                java.util.Arrays.fill(data, -3.25f);
                try (GradientBuffer b = GradientBuffer.of(data)) {
                    // the shift is -3.25 itself, so every shifted term is exactly 0; sums of -3.25 are exact in float
                    assertEquals(new LayerStats(n, -3.25, 0.0, 3.25, 3.25, 0), k.stats(b), k.getClass().getSimpleName());
                }
            }
        }
    }

    @Test
    void arithmeticSequenceHasClosedFormMoments() {
        final int n = 4099;
        final float[] data = fill(n, i -> i);
        final double mean = (n - 1) / 2.0;
        final double variance = ((double) n * n - 1) / 12.0;
        try (GradientBuffer b = GradientBuffer.of(data)) {
            final LayerStats s = scalar.stats(b);
            // scalar: all sums are integers below 2^53, exact; the three double operations of
            // Q/n - (S/n)^2 round by at most 2^-53 of Q/n each
            final double scalarVarianceTolerance = 3 * 0x1p-53 * s.meanSquare();
            assertEquals(mean, s.mean());
            assertEquals(variance, s.variance(), scalarVarianceTolerance);
            assertEquals(n - 1.0, s.maxAbs());
            final LayerStats p = panama.stats(b);
            final double[] d = shiftedMoments(data, 0, n);
            assertEquals(mean, p.mean(), SUM_BOUND * d[0]);
            assertEquals(variance, p.variance(), VARIANCE_BOUND * d[1] + scalarVarianceTolerance);
            assertEquals(mean, p.meanAbs(), SUM_BOUND * mean);
        }
    }

    @Test
    void rangesOutsideTheSegmentAreRejected() {
        try (GradientBuffer b = GradientBuffer.allocate(10)) {
            for (final StatsKernel k : new StatsKernel[] {scalar, panama}) {
                final var e = assertThrows(BufferRangeException.class, () -> k.stats(b, 5, 6));
                assertTrue(e.getMessage().contains("[5, 5 + 6)") && e.getMessage().contains("10 floats"), e.getMessage());
                assertThrows(BufferRangeException.class, () -> k.stats(b, -1, 2));
                assertThrows(BufferRangeException.class, () -> k.stats(b, 0, -1));
                assertEquals(LayerStats.EMPTY, k.stats(b, 10, 0));
            }
        }
    }

    /** Compares both kernels on {@code data[from, from + count)}, read through {@code b}. */
    private void assertAgree(final float[] data, final int from, final int count, final GradientBuffer b) {
        final LayerStats s = scalar.stats(b, from, count);
        final LayerStats p = panama.stats(b, from, count);
        final String where = "n=" + count + " from=" + from + " scalar=" + s + " panama=" + p;
        assertEquals(s.count(), p.count(), where);
        assertEquals(s.nonFinite(), p.nonFinite(), where);
        assertEquals(s.maxAbs(), p.maxAbs(), where);
        final double[] d = shiftedMoments(data, from, count);
        assertEquals(s.mean(), p.mean(), SUM_BOUND * d[0], where);
        assertEquals(s.variance(), p.variance(), VARIANCE_BOUND * d[1], where);
        assertEquals(s.meanAbs(), p.meanAbs(), SUM_BOUND * s.meanAbs(), where);
    }

    /**
     * The scales of the error bounds, in double: D1 = sum|x - c| / n and D2 = sum (x - c)^2 / n over the
     * finite values, c the first finite value (the kernels' shift).
     */
    private static double[] shiftedMoments(final float[] data, final int from, final int count) {
        double c = Double.NaN;
        double d1 = 0;
        double d2 = 0;
        long n = 0;
        for (int i = from; i < from + count; i++) {
            if (Float.isFinite(data[i])) {
                if (Double.isNaN(c)) {
                    c = data[i];
                }
                final double d = data[i] - c;
                d1 += Math.abs(d);
                d2 += d * d;
                n++;
            }
        }
        return n == 0 ? new double[] {0, 0} : new double[] {d1 / n, d2 / n};
    }

    private static float[] fill(final int n, final IntToDoubleFunction f) {
        final float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) f.applyAsDouble(i);
        }
        return out;
    }
}
