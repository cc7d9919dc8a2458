package org.rdcodec.core.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.core.frame.FrameReader;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.spec.SpecException;
import org.rdcodec.core.stats.MagnitudeSamples;
import org.rdcodec.core.theory.CompressionBounds;
import org.rdcodec.core.theory.SphericalCap;
import org.rdcodec.core.theory.TheoryInputException;

/** Sparse dithering and spherical compression: unbiased, the variance they promise, and the bits against the bounds. */
class CompressionOperatorsTest {

    /** Statistical checks: this many standard errors (two-sided p ~ 6e-7 per check). */
    private static final double Z = 5;

    /** Coordinates of the fixed vector re-encoded over many rounds. */
    private static final int D = 64;

    /** Rounds (independent shared randomness each): standard errors shrink as 1/sqrt(R). */
    private static final int ROUNDS = 1000;

    /** Layer for the rate checks: 2^16 coordinates keep the frame header below 0.01 bit per coordinate. */
    private static final int N = 1 << 16;

    /** Per-round relative squared errors of many rounds of one fixed x, and the mean estimate. */
    private record Rounds(double[] meanError, double[] errorSe, double omegaMean, double omegaSe) {
    }

    private static Rounds rounds(final String spec, final float[] x) {
        final GradientLayout layout = GradientLayout.ofSizes(x.length);
        final GradientCodec codec = Codecs.create(spec);
        double energy = 0;
        for (final float v : x) {
            energy += (double) v * v;
        }
        final double[] sum = new double[x.length];
        final double[] sum2 = new double[x.length];
        double om = 0;
        double om2 = 0;
        try (WorkerEncoder enc = codec.newEncoder(layout, 0, 77);
             GradientBuffer in = GradientBuffer.of(x);
             GradientBuffer out = GradientBuffer.allocate(x.length)) {
            final GradientDecoder dec = codec.newDecoder(layout, 77);
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[enc.maxFrameBytes()]);
            for (int r = 0; r < ROUNDS; r++) {
                final int len = enc.encode(in, r, frame, 0, frame.capacity());
                dec.decode(frame, 0, len, out);
                double se = 0;
                for (int i = 0; i < x.length; i++) {
                    final double e = (double) out.get(i) - x[i];
                    sum[i] += e;
                    sum2[i] += e * e;
                    se += e * e;
                }
                om += se / energy;
                om2 += (se / energy) * (se / energy);
            }
        }
        final double[] mean = new double[x.length];
        final double[] sd = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            mean[i] = sum[i] / ROUNDS;
            sd[i] = Math.sqrt(Math.max(0, sum2[i] / ROUNDS - mean[i] * mean[i]) / ROUNDS);
        }
        final double omMean = om / ROUNDS;
        return new Rounds(mean, sd, omMean, Math.sqrt(Math.max(0, om2 / ROUNDS - omMean * omMean) / ROUNDS));
    }

    private static void assertUnbiased(final String spec, final Rounds r) {
        assertUnbiased(spec, r, r.errorSe());
    }

    private static void assertUnbiased(final String spec, final Rounds r, final double[] se) {
        for (int i = 0; i < r.meanError().length; i++) {
            assertTrue(Math.abs(r.meanError()[i]) <= Z * se[i], spec + ": coordinate " + i + " mean error " + r.meanError()[i] + " vs se " + se[i]);
        }
    }

    /**
     * Standard error over the rounds of coordinate i's mean error, from its predicted variance
     * x_i^2 (1/p' - 1) + f_i (1 - f_i) step^2 / p' (a coordinate that is rarely non-zero would show a sample
     * variance of 0 in a finite run, so the prediction, not the sample, sets the tolerance).
     */
    private static double[] sparseDitherSe(final float[] x, final double fraction, final int s) {
        double energy = 0;
        for (final float v : x) {
            energy += (double) v * v;
        }
        final double keep = Math.ceil((float) fraction * 0x1p24) * 0x1p-24;
        final double step = Math.sqrt(energy) / s;
        final double[] se = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            final double a = Math.abs(x[i]) / step;
            final double f = a - Math.floor(a);
            se[i] = Math.sqrt(((double) x[i] * x[i] * (1 / keep - 1) + f * (1 - f) * step * step / keep) / ROUNDS);
        }
        return se;
    }

    /** omega of sparse dithering for x: (1/p' - 1) + (1/p') sum f_i (1 - f_i) (||x|| / s)^2 / ||x||^2. */
    private static double sparseDitherOmega(final float[] x, final double fraction, final int s) {
        double energy = 0;
        for (final float v : x) {
            energy += (double) v * v;
        }
        final double keep = Math.ceil((float) fraction * 0x1p24) * 0x1p-24;
        final double step = Math.sqrt(energy) / s;
        double var = 0;
        for (final float v : x) {
            final double f = Math.abs(v) / step - Math.floor(Math.abs(v) / step);
            var += f * (1 - f) * step * step;
        }
        return (1 / keep - 1) + var / keep / energy;
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.25,1", "0.5,4", "1,16"})
    void sparseDitheringIsUnbiasedWithItsPredictedVariance(final String params) {
        final String[] p = params.split(",");
        final String spec = "sparse-dither:fraction=" + p[0] + ",levels=" + p[1];
        final float[] x = CodecHarness.gaussian(D, 1, 31);
        final Rounds r = rounds(spec, x);
        assertUnbiased(spec, r, sparseDitherSe(x, Double.parseDouble(p[0]), Integer.parseInt(p[1])));
        assertEquals(sparseDitherOmega(x, Double.parseDouble(p[0]), Integer.parseInt(p[1])), r.omegaMean(), Z * r.omegaSe(), spec + " omega");
    }

    /** omega of spherical compression for x: sum_b (nu_b^2 + Delta^2 f_b (1 - f_b)) / mu^2 / ||x||^2 - 1. */
    private static double sphericalOmega(final float[] x, final int n, final double bits, final int normLevels) {
        final SphericalCap cap = new SphericalCap(n);
        final double mu = cap.conditionalMean(cap.threshold(Math.pow(2, -bits * n)));
        final int nb = (x.length + n - 1) / n;
        final double[] nu = new double[nb];
        double energy = 0;
        for (int i = 0; i < x.length; i++) {
            nu[i / n] += (double) x[i] * x[i];
            energy += (double) x[i] * x[i];
        }
        final double step = (float) (Math.sqrt(energy / nb) / normLevels);
        double second = 0;
        for (int b = 0; b < nb; b++) {
            final double v = Math.sqrt(nu[b]) / step;
            final double f = v - Math.floor(v);
            second += nu[b] + step * step * f * (1 - f);
        }
        return second / (mu * mu) / energy - 1;
    }

    @ParameterizedTest
    @ValueSource(strings = {"8,0.5,16", "4,1,2", "3,1,4"})
    void sphericalCompressionIsUnbiasedWithItsPredictedVariance(final String params) {
        final String[] p = params.split(",");
        final String spec = "spherical:dim=" + p[0] + ",bits=" + p[1] + ",normlevels=" + p[2];
        // heavy-tailed input: blocks of very different norms
        final float[] x = MagnitudeSamples.studentT(D, 3, 32);
        final Rounds r = rounds(spec, x);
        assertUnbiased(spec, r);
        assertEquals(sphericalOmega(x, Integer.parseInt(p[0]), Double.parseDouble(p[1]), Integer.parseInt(p[2])), r.omegaMean(),
                Z * r.omegaSe(), spec + " omega");
    }

    private static double omega(final float[] x, final float[] xhat) {
        return CodecHarness.mse(x, xhat) / CodecHarness.mse(x, new float[x.length]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sparse-dither:fraction=0.25,levels=4", "sparse-dither:fraction=1,levels=256", "spherical:dim=8,bits=0.5,normlevels=2",
        "spherical:dim=4,bits=1"})
    void measuredBitsLieAboveTheWorstCaseBound(final String spec) {
        for (final float[] x : new float[][] {CodecHarness.gaussian(N, 1, 33), MagnitudeSamples.studentT(N, 3, 34)}) {
            final CodecHarness.Result r = CodecHarness.roundTrip(spec, GradientLayout.ofSizes(N), x, 1, 0);
            final double bits = 8.0 * r.frameBytes() / N;
            final double w = omega(x, r.xhat());
            assertTrue(bits > CompressionBounds.worstCaseBitsPerCoordinate(w), spec + ": " + bits + " bits at omega " + w);
        }
    }

    /**
     * Spherical compression's direction index is geometric with success probability p = 2^-(bits n): its
     * entropy h(p) / p lies in [log2(1/p), log2(1/p) + log2 e]; the average-case bound at the cap's omega
     * is log2(1/p) / n = bits. The rANS coder adds its table (about 1% here), so the measured direction
     * bits per coordinate must lie in [bits, bits + log2(e) / n + 2%].
     */
    @ParameterizedTest
    @ValueSource(strings = {"8,0.5", "4,1", "2,2"})
    void sphericalDirectionBitsSitOnTheAverageCaseBound(final String params) {
        final String[] p = params.split(",");
        final int n = Integer.parseInt(p[0]);
        final double bits = Double.parseDouble(p[1]);
        final String spec = "spherical:dim=" + n + ",bits=" + bits;
        final float[] x = CodecHarness.gaussian(N, 1, 35);
        final GradientLayout layout = GradientLayout.ofSizes(N);
        final GradientCodec codec = Codecs.create(spec);
        try (WorkerEncoder enc = codec.newEncoder(layout, 0, 5); GradientBuffer in = GradientBuffer.of(x)) {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[enc.maxFrameBytes()]);
            final int len = enc.encode(in, 0, frame, 0, frame.capacity());
            final FrameReader reader = new FrameReader().wrap(frame, 0, len);
            final int section = reader.sectionOffset(0);
            final int normBytes = frame.getInt(section + 4, ByteOrder.LITTLE_ENDIAN);
            final int directionBytes = reader.sectionLength(0) - 12 - normBytes;
            final double directionBits = 8.0 * directionBytes / N;
            final SphericalCap cap = new SphericalCap(n);
            final double omegaDir = cap.omega(cap.threshold(Math.pow(2, -bits * n)));
            final double bound = CompressionBounds.averageCaseBitsPerCoordinate(n, omegaDir);
            assertEquals(bits, bound, 1e-6, "the cap of probability 2^-(bits n) sits on the bound");
            assertTrue(directionBits >= bound && directionBits <= (bound + Math.log(Math.E) / Math.log(2) / n) * 1.02,
                    spec + ": direction bits " + directionBits + " vs bound " + bound);
        }
    }

    @Test
    void boundsHaveTheirClosedFormsAndRefuseBadInput() {
        // worst case: b = 1/2 log2(1 + 1/omega) <=> omega = 1 / (4^b - 1) (theory.md Lemma 3 with D = omega)
        assertEquals(0.5, CompressionBounds.worstCaseBitsPerCoordinate(1), 1e-15);
        assertEquals(1.0 / 15, CompressionBounds.worstCaseOmega(2), 1e-15);
        // n = 2: the cap is an arc of half-angle theta, p = theta / pi, mu = sin(theta) / theta
        final SphericalCap circle = new SphericalCap(2);
        final double theta = 0.3;
        assertEquals(theta / Math.PI, circle.probability(Math.cos(theta)), 1e-12);
        assertEquals(Math.sin(theta) / theta, circle.conditionalMean(Math.cos(theta)), 1e-9);
        // n = 3: Archimedes, p = (1 - t) / 2 and mu = (1 + t) / 2
        final SphericalCap sphere = new SphericalCap(3);
        assertEquals(0.35, sphere.probability(0.3), 1e-12);
        assertEquals(0.65, sphere.conditionalMean(0.3), 1e-12);
        assertThrows(TheoryInputException.class, () -> CompressionBounds.worstCaseBitsPerCoordinate(0));
        assertThrows(TheoryInputException.class, () -> CompressionBounds.averageCaseBitsPerCoordinate(1, 1));
        assertThrows(TheoryInputException.class, () -> new SphericalCap(3).threshold(0));
    }

    @Test
    void badSpecsAndInputGiveTypedExceptions() {
        assertThrows(SpecException.class, () -> Codecs.create("spherical:dim=8,bits=3"));
        assertThrows(SpecException.class, () -> Codecs.create("spherical:dim=1"));
        assertThrows(SpecException.class, () -> Codecs.create("sparse-dither:fraction=0"));
        assertThrows(SpecException.class, () -> Codecs.create("sparse-dither:levels=0"));
        final float[] x = CodecHarness.gaussian(100, 1, 36);
        x[3] = Float.POSITIVE_INFINITY;
        assertThrows(NonFiniteGradientException.class, () -> CodecHarness.roundTrip("spherical", GradientLayout.ofSizes(100), x, 0, 0));
        assertThrows(NonFiniteGradientException.class, () -> CodecHarness.roundTrip("sparse-dither", GradientLayout.ofSizes(100), x, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spherical", "sparse-dither:fraction=0.5"})
    void truncatedPayloadIsRejected(final String spec) {
        final GradientLayout layout = GradientLayout.ofSizes(1000);
        final GradientCodec codec = Codecs.create(spec);
        final float[] x = CodecHarness.gaussian(1000, 1, 37);
        try (WorkerEncoder enc = codec.newEncoder(layout, 0, 1);
             GradientBuffer in = GradientBuffer.of(x);
             GradientBuffer out = GradientBuffer.allocate(1000)) {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[enc.maxFrameBytes()]);
            final int len = enc.encode(in, 0, frame, 0, frame.capacity());
            final int section = new FrameReader().wrap(frame, 0, len).sectionOffset(0);
            // claim a different count / stream length, reseal the CRC so the payload check is what fires
            frame.putInt(section + 4, frame.getInt(section + 4, ByteOrder.LITTLE_ENDIAN) + 1, ByteOrder.LITTLE_ENDIAN);
            frame.putInt(len - 4, org.rdcodec.core.frame.Crc32cChecksum.compute(frame, 0, len - 4), ByteOrder.LITTLE_ENDIAN);
            final FrameException e = assertThrows(FrameException.class, () -> codec.newDecoder(layout, 1).decode(frame, 0, len, out));
            assertEquals(org.rdcodec.core.frame.FrameError.BAD_PAYLOAD, e.error(), e.getMessage());
        }
    }

    @Test
    void zeroLayersAndShortBlocksRoundTrip() {
        final float[] x = new float[5 + 13];
        for (int i = 5; i < x.length; i++) {
            x[i] = i - 9;
        }
        for (final String spec : new String[] {"spherical:dim=8", "sparse-dither:fraction=0.5,levels=2"}) {
            final CodecHarness.Result r = CodecHarness.roundTrip(spec, GradientLayout.ofSizes(5, 13), x, 2, 3);
            for (int i = 0; i < 5; i++) {
                assertEquals(0f, r.xhat()[i], spec + ": an all-zero layer decodes to zeros");
            }
        }
    }
}
