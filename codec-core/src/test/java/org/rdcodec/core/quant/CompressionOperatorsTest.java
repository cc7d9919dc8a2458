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
import org.rdcodec.core.stats.Gaussian;
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

    /**
     * Fixed cost of one rANS stream beyond its symbols' code length: 16 bytes of final coder states, about 8
     * bytes of header fields (version, precision, counts, word count) and at most 2 bytes per frequency of the
     * 13-symbol alphabet of a step of 1 RMS (|q| &lt;= 6 for all but ~1e-9 of Gaussian values), rounded up.
     */
    private static final int STREAM_MODEL_BYTES = 50;

    /**
     * Subtractive sparse dithering against the worst-case bound on 2^16 Gaussian values. The model p H_C /
     * bound(omega) (site page, section 2.2; H_C the index entropy given the dither bin for the C streams the
     * codec picks) at the tested points: 1.17 (p = 1, step 1 RMS, C = 1), 1.42 (p = 1, step 3, C = 16), 1.78
     * (p = 0.5, step 3, C = 16), 2.02 (p = 0.2, step 3, C = 4). On top: the frame's ~140 fixed bytes, 0.017 bits
     * per coordinate at 2^16 (+0.20 in ratio at p = 0.2), and the streams' tables (a few percent); so 2.6.
     */
    private static final double MAX_BOUND_RATIO = 2.6;

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

    /**
     * Subtractive sparse dithering, step a RMS: every kept coordinate's error is uniform on [-Delta/2, Delta/2)
     * whatever x_i, so the variance of coordinate i's estimate is x_i^2 (1/p' - 1) + Delta^2 / (12 p'), and
     * omega = (1/p' - 1) + n Delta^2 / (12 p' ||x||^2), Delta = a ||x|| / sqrt(n), the same for every x.
     * (The 24-bit dither grid makes the error's variance (1 - 2^-48) Delta^2 / 12: no measurable difference.)
     */
    private static double[] subtractiveVariance(final float[] x, final double fraction, final double a) {
        double energy = 0;
        for (final float v : x) {
            energy += (double) v * v;
        }
        final double keep = Math.ceil((float) fraction * 0x1p24) * 0x1p-24;
        final double delta = a * (float) Math.sqrt(energy) / Math.sqrt(x.length);
        final double[] var = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            var[i] = (double) x[i] * x[i] * (1 / keep - 1) + delta * delta / (12 * keep);
        }
        return var;
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.25,3,gaussian", "1,0.5,gaussian", "0.5,2,student"})
    void subtractiveSparseDitheringIsUnbiasedWithItsPredictedVariance(final String params) {
        final String[] p = params.split(",");
        final double fraction = Double.parseDouble(p[0]);
        final double a = Double.parseDouble(p[1]);
        final String spec = "sparse-dither:fraction=" + p[0] + ",step=" + p[1] + ",rounding=subtractive";
        final float[] x = p[2].equals("gaussian") ? CodecHarness.gaussian(D, 1, 41) : MagnitudeSamples.studentT(D, 3, 42);
        final Rounds r = rounds(spec, x);
        final double[] var = subtractiveVariance(x, fraction, a);
        final double[] se = new double[D];
        double energy = 0;
        double total = 0;
        for (int i = 0; i < D; i++) {
            se[i] = Math.sqrt(var[i] / ROUNDS);
            energy += (double) x[i] * x[i];
            total += var[i];
        }
        assertUnbiased(spec, r, se);
        assertEquals(total / energy, r.omegaMean(), Z * r.omegaSe(), spec + " omega");
    }

    /**
     * The index q = round(x / Delta - u) of a unit Gaussian x with dither u uniform on [-1/2, 1/2):
     * P(q = k | u) = Phi((k + u + 1/2) Delta) - Phi((k + u - 1/2) Delta). Returns {H(q), H(q | u), Var(-log2 P(q))}
     * in bits (u on a midpoint grid of 512 values).
     */
    private static double[] ditherEntropies(final double delta) {
        final int grid = 512;
        final int kmax = (int) Math.ceil(12 / delta) + 2;
        final double[] mean = new double[2 * kmax + 1];
        double conditional = 0;
        for (int g = 0; g < grid; g++) {
            final double u = (g + 0.5) / grid - 0.5;
            for (int k = -kmax; k <= kmax; k++) {
                final double lo = (k + u - 0.5) * delta;
                final double hi = (k + u + 0.5) * delta;
                // upper-tail probabilities from the lower tail (Gaussian.cdf is accurate there)
                final double prob = hi <= 0 ? Gaussian.cdf(hi) - Gaussian.cdf(lo) : Gaussian.cdf(-lo) - Gaussian.cdf(-hi);
                mean[k + kmax] += prob / grid;
                conditional -= prob > 0 ? prob * Math.log(prob) / Math.log(2) / grid : 0;
            }
        }
        double h = 0;
        double h2 = 0;
        for (final double prob : mean) {
            if (prob > 0) {
                final double info = -Math.log(prob) / Math.log(2);
                h += prob * info;
                h2 += prob * info * info;
            }
        }
        return new double[] {h, conditional, h2 - h * h};
    }

    /**
     * Subtractive sparse dithering on 2^16 Gaussian values, one round:
     * <ul>
     * <li>omega agrees with its closed form within 5 standard errors of one round's sum of squared errors
     * (kept: e = (x (1 - p) + n) / p, n uniform of width Delta, E e^4 = A^4 + 6 A^2 Delta^2 / (12 p^2) + Delta^4 / (80 p^4),
     * A = x (1 - p) / p; dropped: e = -x), which also checks the decoder of the dither-bin streams;</li>
     * <li>the index streams' bits per kept value lie between H(q | u) and H(q) of the model (the coder splits by
     * dither bin, so it lands in between), within 5 standard errors of the code length (self-information variance /
     * kept count), the effect of the layer's RMS on the step (5 SE of ln RMS, 5 / sqrt(2 N), times at most log2 e
     * bits per unit of ln Delta), and each stream's fixed model cost (STREAM_MODEL_BYTES);</li>
     * <li>the frame's bits per coordinate lie above the worst-case bound at the measured omega (a theorem on a
     * Gaussian source) and within MAX_BOUND_RATIO of it.</li>
     * </ul>
     */
    @ParameterizedTest
    @ValueSource(strings = {"1,1", "1,3", "0.5,3", "0.2,3"})
    void subtractiveSparseDitherBitsSitBetweenTheDitherEntropiesAndNearTheBound(final String params) {
        final String[] p = params.split(",");
        final double fraction = Double.parseDouble(p[0]);
        final double a = Double.parseDouble(p[1]);
        final String spec = "sparse-dither:fraction=" + p[0] + ",step=" + p[1] + ",rounding=subtractive";
        final float[] x = CodecHarness.gaussian(N, 1, 43);
        final GradientLayout layout = GradientLayout.ofSizes(N);
        final GradientCodec codec = Codecs.create(spec);
        try (WorkerEncoder enc = codec.newEncoder(layout, 0, 9);
             GradientBuffer in = GradientBuffer.of(x);
             GradientBuffer out = GradientBuffer.allocate(N)) {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[enc.maxFrameBytes()]);
            final int len = enc.encode(in, 0, frame, 0, frame.capacity());
            codec.newDecoder(layout, 9).decode(frame, 0, len, out);
            final double[] var = subtractiveVariance(x, fraction, a);
            final double keep = Math.ceil((float) fraction * 0x1p24) * 0x1p-24;
            double energy = 0;
            double se = 0;
            double predicted = 0;
            double varSum = 0;
            final double delta = a * (float) Math.sqrt(sumSquares(x)) / Math.sqrt(N);
            for (int i = 0; i < N; i++) {
                final double e = (double) out.get(i) - x[i];
                energy += (double) x[i] * x[i];
                se += e * e;
                predicted += var[i];
                final double am = x[i] * (1 - keep) / keep;
                final double fourth = keep * (am * am * am * am + 6 * am * am * delta * delta / (12 * keep * keep)
                        + Math.pow(delta, 4) / (80 * Math.pow(keep, 4))) + (1 - keep) * Math.pow(x[i], 4);
                varSum += fourth - var[i] * var[i];
            }
            final double omega = se / energy;
            assertEquals(predicted / energy, omega, Z * Math.sqrt(varSum) / energy, spec + " omega of one round");

            final FrameReader reader = new FrameReader().wrap(frame, 0, len);
            final int section = reader.sectionOffset(0);
            final int kept = frame.getInt(section + 4, ByteOrder.LITTLE_ENDIAN);
            final int streams = frame.getInt(section + 8, ByteOrder.LITTLE_ENDIAN);
            final double codeBits = 8.0 * (reader.sectionLength(0) - 12 - 4 * streams) / kept;
            final double[] h = ditherEntropies(a);
            final double tol = Z * Math.sqrt(h[2] / kept) + Z / Math.sqrt(2.0 * N) / Math.log(2);
            assertTrue(codeBits >= h[1] - tol, spec + ": " + codeBits + " bits per kept value, below H(q | u) = " + h[1]);
            assertTrue(codeBits <= h[0] + tol + 8.0 * STREAM_MODEL_BYTES * streams / kept,
                    spec + ": " + codeBits + " bits per kept value, above H(q) = " + h[0] + " with " + streams + " streams");

            final double bits = 8.0 * len / N;
            final double bound = CompressionBounds.worstCaseBitsPerCoordinate(omega);
            assertTrue(bits > bound && bits <= MAX_BOUND_RATIO * bound, spec + ": " + bits + " bits at omega " + omega + ", bound " + bound);
        }
    }

    private static double sumSquares(final float[] x) {
        double s = 0;
        for (final float v : x) {
            s += (double) v * v;
        }
        return s;
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
        "spherical:dim=4,bits=1", "sparse-dither:fraction=0.25,step=3,rounding=subtractive"})
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
        assertThrows(SpecException.class, () -> Codecs.create("sparse-dither:step=-1"));
        assertThrows(SpecException.class, () -> Codecs.create("sparse-dither:rounding=nearest"));
        final float[] x = CodecHarness.gaussian(100, 1, 36);
        x[3] = Float.POSITIVE_INFINITY;
        assertThrows(NonFiniteGradientException.class, () -> CodecHarness.roundTrip("spherical", GradientLayout.ofSizes(100), x, 0, 0));
        assertThrows(NonFiniteGradientException.class, () -> CodecHarness.roundTrip("sparse-dither", GradientLayout.ofSizes(100), x, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spherical", "sparse-dither:fraction=0.5", "sparse-dither:fraction=0.5,step=2,rounding=subtractive"})
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

    /** A subtractive frame whose dither-bin stream count is not 1, 4 or 16 is a BAD_PAYLOAD, not a misread. */
    @Test
    void corruptStreamCountIsRejected() {
        final GradientLayout layout = GradientLayout.ofSizes(1 << 13);
        final String spec = "sparse-dither:fraction=0.5,step=3,rounding=subtractive";
        final GradientCodec codec = Codecs.create(spec);
        try (WorkerEncoder enc = codec.newEncoder(layout, 0, 1);
             GradientBuffer in = GradientBuffer.of(CodecHarness.gaussian(1 << 13, 1, 44));
             GradientBuffer out = GradientBuffer.allocate(1 << 13)) {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[enc.maxFrameBytes()]);
            final int len = enc.encode(in, 0, frame, 0, frame.capacity());
            final int section = new FrameReader().wrap(frame, 0, len).sectionOffset(0);
            assertEquals(4, frame.getInt(section + 8, ByteOrder.LITTLE_ENDIAN), "4096 kept values: 4 dither-bin streams");
            frame.putInt(section + 8, 3, ByteOrder.LITTLE_ENDIAN);
            frame.putInt(len - 4, org.rdcodec.core.frame.Crc32cChecksum.compute(frame, 0, len - 4), ByteOrder.LITTLE_ENDIAN);
            final FrameException e = assertThrows(FrameException.class, () -> codec.newDecoder(layout, 1).decode(frame, 0, len, out));
            assertEquals(org.rdcodec.core.frame.FrameError.BAD_PAYLOAD, e.error(), e.getMessage());
        }
    }

    /** A zero Box-Muller candidate (probability 2^-24 per pair) has no direction and must not be accepted. */
    @Test
    void sphericalRefusesAZeroCandidate() {
        assertTrue(!SphericalCodec.inCap(0, 0, 0.25), "zero candidate");
        assertTrue(!SphericalCodec.inCap(0, 0, 0), "zero candidate, t = 0");
        assertTrue(SphericalCodec.inCap(0.6, 1, 0.25), "<u, g> = 0.6 >= t = 0.5");
        assertTrue(!SphericalCodec.inCap(0.4, 1, 0.25), "<u, g> = 0.4 < t = 0.5");
        assertTrue(!SphericalCodec.inCap(-0.6, 1, 0.25), "opposite cap");
    }

    @Test
    void zeroLayersAndShortBlocksRoundTrip() {
        final float[] x = new float[5 + 13];
        for (int i = 5; i < x.length; i++) {
            x[i] = i - 9;
        }
        for (final String spec : new String[] {"spherical:dim=8", "sparse-dither:fraction=0.5,levels=2", "sparse-dither:fraction=0.5,step=2,rounding=subtractive"}) {
            final CodecHarness.Result r = CodecHarness.roundTrip(spec, GradientLayout.ofSizes(5, 13), x, 2, 3);
            for (int i = 0; i < 5; i++) {
                assertEquals(0f, r.xhat()[i], spec + ": an all-zero layer decodes to zeros");
            }
        }
    }
}
