package org.rdcodec.core.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rdcodec.core.layout.GradientLayout;

/**
 * Statistical checks of every quantizer on Gaussian input, fixed seeds. n = 2^18 coordinates per check.
 */
class CodecStatisticsTest {

    private static final int N = 1 << 18;
    private static final GradientLayout ONE = GradientLayout.ofSizes(N);

    /** An unbiased codec's mean error and slope deviation must lie within this many standard errors (two-sided p ~ 6e-7). */
    private static final double Z = 5;

    /**
     * A sample variance of n = 2^18 values with finite fourth moment has relative standard error
     * sqrt((kurtosis - 1) / n); kurtosis <= 9 for every error law here (uniform 1.8, Gaussian 3, the
     * sign/Lloyd-Max errors below 9) gives <= 0.0055; 5 standard errors is 2.8%: use 3%.
     */
    private static final double VARIANCE_REL_TOL = 0.03;

    private static void assertUnbiased(final String spec, final float[] x, final float[] xhat) {
        final CodecHarness.Bias b = CodecHarness.bias(x, xhat);
        assertTrue(Math.abs(b.meanError()) <= Z * b.meanErrorSe(), spec + ": mean error " + b.meanError() + " vs se " + b.meanErrorSe());
        assertTrue(Math.abs(b.slopeMinusOne()) <= Z * b.slopeSe(), spec + ": slope - 1 = " + b.slopeMinusOne() + " vs se " + b.slopeSe());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.5, 2.0})
    void ditheredIsUnbiasedWithUniformErrorOfVarianceStepSquaredOver12(final double step) {
        final float[] x = CodecHarness.gaussian(N, 1, 1);
        final float[] xhat = CodecHarness.roundTrip("dithered:step=" + step, ONE, x, 3, 2).xhat();
        assertUnbiased("dithered", x, xhat);
        final double expected = step * step / 12;
        final CodecHarness.Bias b = CodecHarness.bias(x, xhat);
        assertEquals(expected, b.errorVariance(), VARIANCE_REL_TOL * expected);
        // every error lies in the cell
        for (int i = 0; i < N; i++) {
            assertTrue(Math.abs(xhat[i] - x[i]) <= step / 2 * (1 + 1e-5) + 1e-6, "error at " + i);
        }
    }

    @Test
    void ditheredDistortionParameterSetsTheStep() {
        final float[] x = CodecHarness.gaussian(N, 3, 2);
        final double d = 0.02;
        final double mse = CodecHarness.mse(x, CodecHarness.roundTrip("dithered:distortion=" + d, ONE, x, 0, 0).xhat());
        assertEquals(d, mse, VARIANCE_REL_TOL * d);
    }

    @Test
    void signWithGaussianScaleHasMse1Minus2OverPiSigmaSquared() {
        final double sigma = 1.7;
        final float[] x = CodecHarness.gaussian(N, sigma, 3);
        final CodecHarness.Result r = CodecHarness.roundTrip("sign", ONE, x, 0, 0);
        final double expected = (1 - 2 / Math.PI) * sigma * sigma;
        assertEquals(expected, CodecHarness.mse(x, r.xhat()), VARIANCE_REL_TOL * expected);
        // exactly 1 bit per coordinate plus the frame header, the spec text, one table entry, the
        // 8-byte section header (scale) and the CRC
        final int spec = "sign:scale=gaussian,ef=false".length();
        assertEquals(org.rdcodec.core.frame.FrameLayout.tableEnd(spec, 1) + 8 + N / 8 + 4, r.frameBytes());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void lloydMaxMatchesTheTableAndReportsItsBias(final int bits) {
        final double[] tableMse = {0, 0.36338, 0.11748, 0.03455, 0.00950};
        assertEquals(tableMse[bits], LloydMaxTable.mse(bits), 5e-5, "design MSE");
        final float[] x = CodecHarness.gaussian(N, 1, 4);
        final float[] xhat = CodecHarness.roundTrip("lloydmax:bits=" + bits, ONE, x, 0, 0).xhat();
        assertEquals(tableMse[bits], CodecHarness.mse(x, xhat), VARIANCE_REL_TOL * tableMse[bits]);
        // the bias: Lloyd-Max shrinks, the slope of xhat on x is 1 - MSE for a centroid quantizer
        final CodecHarness.Bias b = CodecHarness.bias(x, xhat);
        assertEquals(-tableMse[bits], b.slopeMinusOne(), Z * b.slopeSe() + 0.01 * tableMse[bits]);
    }

    @Test
    void lloydMaxLevels() {
        assertEquals(0.797885, LloydMaxTable.levels(1)[1], 1e-5);
        assertEquals(0.45278, LloydMaxTable.levels(2)[2], 1e-4);
        assertEquals(1.51042, LloydMaxTable.levels(2)[3], 1e-4);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 16})
    void qsgdIsUnbiasedAndWithinItsVarianceBound(final int s) {
        final float[] x = CodecHarness.gaussian(N, 1, 5);
        final float[] xhat = CodecHarness.roundTrip("qsgd:levels=" + s, ONE, x, 0, 0).xhat();
        assertUnbiased("qsgd", x, xhat);
        double norm2 = 0;
        for (final float v : x) {
            norm2 += (double) v * v;
        }
        final double bound = Math.min((double) N / ((double) s * s), Math.sqrt(N) / s) * norm2;
        assertTrue(CodecHarness.mse(x, xhat) * N <= bound, "QSGD error above its bound");
    }

    @Test
    void ternGradIsUnbiasedWithItsVariance() {
        final float[] x = CodecHarness.gaussian(N, 1, 6);
        final float[] xhat = CodecHarness.roundTrip("terngrad", ONE, x, 0, 0).xhat();
        assertUnbiased("terngrad", x, xhat);
        double max = 0;
        for (final float v : x) {
            max = Math.max(max, Math.abs(v));
        }
        double expected = 0;
        for (final float v : x) {
            expected += max * Math.abs(v) - (double) v * v;
        }
        expected /= N;
        assertEquals(expected, CodecHarness.mse(x, xhat), VARIANCE_REL_TOL * expected);
    }

    @Test
    void naturalIsUnbiasedWithVarianceBelowOneEighth() {
        final float[] x = CodecHarness.gaussian(N, 1, 7);
        final float[] xhat = CodecHarness.roundTrip("natural", ONE, x, 0, 0).xhat();
        assertUnbiased("natural", x, xhat);
        double norm2 = 0;
        for (final float v : x) {
            norm2 += (double) v * v;
        }
        assertTrue(CodecHarness.mse(x, xhat) * N <= norm2 / 8, "variance above |x|^2 / 8");
    }

    @Test
    void randKIsUnbiasedAndSendsAboutTheFraction() {
        final float[] x = CodecHarness.gaussian(N, 1, 8);
        final CodecHarness.Result r = CodecHarness.roundTrip("randk:fraction=0.1", ONE, x, 0, 0);
        assertUnbiased("randk", x, r.xhat());
        // kept ~ Binomial(N, 0.1): sd = sqrt(N 0.09) = 154 floats; 5 sd = 768 floats = 3072 bytes, plus header
        final double expectedBytes = 0.1 * N * 4;
        assertEquals(expectedBytes, r.frameBytes(), 5 * Math.sqrt(N * 0.09) * 4 + 200);
    }

    @Test
    void topKKeepsTheLargestMagnitudes() {
        final float[] x = CodecHarness.gaussian(4099, 1, 9);
        final float[] xhat = CodecHarness.roundTrip("topk:fraction=0.01,ef=false", GradientLayout.ofSizes(4099), x, 0, 0).xhat();
        final int k = 41;
        final float[] sorted = x.clone();
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = Math.abs(sorted[i]);
        }
        java.util.Arrays.sort(sorted);
        final float threshold = sorted[sorted.length - k];
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            if (xhat[i] != 0) {
                kept++;
                assertEquals(x[i], xhat[i]);
                assertTrue(Math.abs(x[i]) >= threshold);
            }
        }
        assertEquals(k, kept);
    }
}
