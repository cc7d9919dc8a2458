package org.rdcodec.core.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.spec.SpecException;
import org.rdcodec.core.stats.MagnitudeFamily;
import org.rdcodec.core.stats.MagnitudeSamples;

/** M22: the weighted Lloyd design, its codec, and what it must refuse. */
class M22CodecTest {

    /** theory.md section 7: Lloyd-Max MSE of the unit Gaussian at 1..4 bits, published to 5 significant digits. */
    private static final double[] LLOYD_MAX_MSE = {0.36338, 0.11748, 0.03455, 0.00950};

    /** Half a unit in the 5th significant digit of the published values. */
    private static final double PUBLISHED_ROUNDING = 0.5e-5;

    /**
     * {@link LloydMaxTable} integrates with {@code Gaussian.cdf}, whose erfc is accurate to about 1e-8: its
     * levels differ from exact ones by up to 6.4e-7 (4 bits); the design here uses the incomplete gamma
     * function (1-bit level sqrt(2/pi) to 1e-15, checked below).
     */
    private static final double LEVEL_TOL = 1e-6;

    /** Sampling checks: this many standard errors (two-sided p ~ 6e-7). */
    private static final double Z = 5;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void mZeroOnAGaussianIsTheLloydMaxQuantizer(final int bits) {
        // gennorm with beta = 2, alpha = sqrt 2 is N(0, 1); the table is designed at alpha = 1, i.e. N(0, 1/2)
        final M22Table t = M22Table.of(MagnitudeFamily.GENNORM, M22Table.indexOf(2), 0, bits);
        assertEquals(2.0, M22Table.shapeOf(M22Table.indexOf(2)), 0.0, "shape 2 lies on the grid");
        final double mse = 2 * t.expectedDistortion();
        assertEquals(LLOYD_MAX_MSE[bits - 1], mse, PUBLISHED_ROUNDING, "MSE at " + bits + " bits");
        if (bits == 1) {
            assertEquals(Math.sqrt(2 / Math.PI), Math.sqrt(2) * t.levels()[1], 1e-14, "1-bit level sqrt(2/pi)");
        }
        final double[] ref = LloydMaxTable.levels(bits);
        final double[] lv = t.levels();
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], Math.sqrt(2) * lv[i], LEVEL_TOL, "level " + i);
        }
    }

    @ParameterizedTest
    @CsvSource({"GENNORM, 2, 1, 2", "GENNORM, 0.5, 1, 2", "GENNORM, 0.5, 2, 3", "WEIBULL, 0.8, 1, 2", "WEIBULL, 1.5, 3, 1"})
    void weightedDesignLowersExpectedWeightedDistortion(final MagnitudeFamily family, final double shape, final double m, final int bits) {
        final M22Table weighted = M22Table.design(family, shape, m, bits);
        final M22Table plain = M22Table.design(family, shape, 0, bits);
        final double dW = weighted.expectedDistortion(m, weighted.levels(), weighted.thresholds());
        final double dP = weighted.expectedDistortion(m, plain.levels(), plain.thresholds());
        assertTrue(dW < dP, family + " shape " + shape + " M " + m + ": designed " + dW + " vs M = 0 design " + dP);
        // and measured: the mean of |g|^M (g - Q(g))^2 over samples, paired, with the paired difference's standard error
        final int n = 1 << 17;
        final float[] x = family == MagnitudeFamily.GENNORM ? MagnitudeSamples.gennorm(n, shape, 1, 21) : MagnitudeSamples.weibull(n, shape, 1, 21);
        double sum = 0;
        double sum2 = 0;
        for (final float v : x) {
            final double d = weighted(v, m, plain) - weighted(v, m, weighted);
            sum += d;
            sum2 += d * d;
        }
        final double mean = sum / n;
        final double se = Math.sqrt((sum2 / n - mean * mean) / n);
        assertTrue(mean > 0, "measured gain " + mean);
        assertEquals(dP - dW, mean, Z * se, "measured gain vs expected");
    }

    private static double weighted(final double g, final double m, final M22Table t) {
        final double[] th = t.thresholds();
        int k = 0;
        while (k < th.length && g >= th[k]) {
            k++;
        }
        final double e = g - t.levels()[k];
        return Math.pow(Math.abs(g), m) * e * e;
    }

    @Test
    void codecOnAGaussianLayerMeetsTheLloydMaxMse() {
        final int n = 1 << 17;
        final float[] x = CodecHarness.gaussian(n, 3e-4, 5);
        final CodecHarness.Result r = CodecHarness.roundTrip("m22:family=gennorm,m=0,bits=2", GradientLayout.ofSizes(n), x, 1, 0);
        // per-coordinate squared errors of a 2-bit quantizer have a standard deviation below their mean times 3
        // (measured 1.9); the MSE estimate's standard error is then below 3 MSE / sqrt(n)
        final double mse = CodecHarness.mse(x, r.xhat()) / (3e-4 * 3e-4);
        assertEquals(LLOYD_MAX_MSE[1], mse, Z * 3 * LLOYD_MAX_MSE[1] / Math.sqrt(n), "normalised MSE");
        // 2 bits and no more: the index entropy is 1.911 bits (theory.md); rANS lands within 2% of it
        final double bits = 8.0 * r.frameBytes() / n;
        assertTrue(bits < 1.911 * 1.02 + 0.01, "bits per coordinate " + bits);
    }

    @Test
    void codecIsBiasedAndSaysSoInTheCatalog() {
        final int n = 1 << 16;
        final float[] x = MagnitudeSamples.gennorm(n, 0.5, 1e-3, 6);
        final CodecHarness.Result r = CodecHarness.roundTrip("m22:family=gennorm,m=0,bits=2", GradientLayout.ofSizes(n), x, 1, 0);
        final CodecHarness.Bias b = CodecHarness.bias(x, r.xhat());
        // with centroid levels (M = 0) E[x Q] = E[Q^2], so the slope of xhat on x is 1 - MSE / E[x^2] < 1: a shrinkage
        final double expected = -CodecHarness.mse(x, r.xhat()) / (CodecHarness.mse(x, new float[n]));
        assertTrue(b.slopeMinusOne() < -Z * b.slopeSe(), "slope - 1 = " + b.slopeMinusOne());
        assertEquals(expected, b.slopeMinusOne(), Z * b.slopeSe() + 0.02 * Math.abs(expected), "slope - 1 vs -MSE / E[x^2]");
        assertTrue(!org.rdcodec.core.spec.CodecSpec.parse("m22").definition().unbiased());
    }

    @Test
    void stochasticRoundingIsUnbiasedInsideTheOuterLevels() {
        final int n = 1 << 16;
        final float[] x = MagnitudeSamples.gennorm(n, 1, 0.01, 10);
        final CodecHarness.Result r = CodecHarness.roundTrip("m22:family=gennorm,m=1,bits=2,rounding=stochastic", GradientLayout.ofSizes(n), x, 1, 0);
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (final float v : r.xhat()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        // the coordinates strictly inside the outer levels, where the rounding is unbiased
        int m = 0;
        final float[] in = new float[n];
        final float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            if (x[i] > lo && x[i] < hi) {
                in[m] = x[i];
                out[m++] = r.xhat()[i];
            }
        }
        assertTrue(m > n * 0.9, "most values lie inside the outer levels: " + m);
        final CodecHarness.Bias b = CodecHarness.bias(java.util.Arrays.copyOf(in, m), java.util.Arrays.copyOf(out, m));
        assertTrue(Math.abs(b.meanError()) <= Z * b.meanErrorSe(), "mean error " + b.meanError() + " vs se " + b.meanErrorSe());
        assertTrue(Math.abs(b.slopeMinusOne()) <= Z * b.slopeSe(), "slope - 1 = " + b.slopeMinusOne() + " vs se " + b.slopeSe());
    }

    @Test
    void layersOfZerosOneValueAndSeveralLayersRoundTrip() {
        final float[] x = new float[1 + 100 + 1000];
        x[0] = 0.25f;
        final float[] tail = MagnitudeSamples.weibull(1000, 1.2, 0.1, 7);
        System.arraycopy(tail, 0, x, 101, 1000);
        final CodecHarness.Result r = CodecHarness.roundTrip("m22:family=weibull,m=2,bits=3", GradientLayout.ofSizes(1, 100, 1000), x, 4, 1);
        for (int i = 1; i < 101; i++) {
            assertEquals(0f, r.xhat()[i], "all-zero layer decodes to zeros");
        }
        // the M = 2 design spends its levels on large magnitudes: its measured d_2 beats the M = 0 design's on the same layers
        final CodecHarness.Result plain = CodecHarness.roundTrip("m22:family=weibull,m=0,bits=3", GradientLayout.ofSizes(1, 100, 1000), x, 4, 1);
        double d2 = 0;
        double d0 = 0;
        for (int i = 0; i < x.length; i++) {
            final double w = (double) x[i] * x[i];
            d2 += w * (r.xhat()[i] - x[i]) * (r.xhat()[i] - x[i]);
            d0 += w * (plain.xhat()[i] - x[i]) * (plain.xhat()[i] - x[i]);
        }
        assertTrue(d2 < d0, "weighted distortion, M = 2 design " + d2 + " vs M = 0 design " + d0);
    }

    @Test
    void badInputGivesTypedExceptions() {
        assertThrows(SpecException.class, () -> Codecs.create("m22:family=cauchy"));
        assertThrows(SpecException.class, () -> Codecs.create("m22:m=-1"));
        assertThrows(SpecException.class, () -> Codecs.create("m22:bits=7"));
        final float[] x = CodecHarness.gaussian(1000, 1, 8);
        x[17] = Float.NaN;
        assertThrows(NonFiniteGradientException.class, () -> CodecHarness.roundTrip("m22", GradientLayout.ofSizes(1000), x, 0, 0));
    }

    @Test
    void corruptShapeIndexIsABadPayload() {
        final GradientLayout layout = GradientLayout.ofSizes(1000);
        final GradientCodec codec = Codecs.create("m22");
        final float[] x = CodecHarness.gaussian(1000, 1, 9);
        try (WorkerEncoder enc = codec.newEncoder(layout, 0, 1);
             GradientBuffer in = GradientBuffer.of(x);
             GradientBuffer out = GradientBuffer.allocate(1000)) {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[enc.maxFrameBytes()]);
            final int len = enc.encode(in, 0, frame, 0, frame.capacity());
            final org.rdcodec.core.frame.FrameReader reader = new org.rdcodec.core.frame.FrameReader().wrap(frame, 0, len);
            final int section = reader.sectionOffset(0);
            frame.putShort(section + 4, (short) 5000, java.nio.ByteOrder.LITTLE_ENDIAN);
            // the CRC would catch the flip first: recompute it so the payload check is what fires
            frame.putInt(len - 4, org.rdcodec.core.frame.Crc32cChecksum.compute(frame, 0, len - 4), java.nio.ByteOrder.LITTLE_ENDIAN);
            final FrameException e = assertThrows(FrameException.class, () -> codec.newDecoder(layout, 1).decode(frame, 0, len, out));
            assertEquals(org.rdcodec.core.frame.FrameError.BAD_PAYLOAD, e.error(), e.getMessage());
        }
    }
}
