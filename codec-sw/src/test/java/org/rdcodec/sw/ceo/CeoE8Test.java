package org.rdcodec.sw.ceo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rdcodec.core.frame.Crc32cChecksum;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.core.layout.GradientLayout;

/**
 * The CEO codec with {@code quantizer=e8} on CeoCodecTest's source (K = 10, sx2 = 10, sn2 = 1, rho = 1,
 * P = 2^14, 4096-bit blocks, three rounds), against the scalar codec on the same data.
 */
class CeoE8Test {

    static final int K = CeoCodecTest.K;
    static final int P = CeoCodecTest.P;
    static final double SX2 = CeoCodecTest.SX2;
    static final double SN2 = CeoCodecTest.SN2;
    static final String SPEC = CeoCodecTest.SPEC + ",quantizer=e8";
    static final double Z = CeoCodecTest.Z;

    /**
     * Relative standard error of a mean of P squared errors, as CeoCodecTest derives it: at most sqrt(2 / P).
     */
    static final double MSE_REL_SE = Math.sqrt(2.0 / P);

    /**
     * Relative standard error of one worker's mean squared quantization error over P coordinates: the error is
     * uniform on the E8 cell, whose squared norm per block of 8 has a relative variance below that of a
     * chi-square with 8 degrees of freedom (the cell is bounded: kurtosis below the Gaussian's), so the
     * per-coordinate mean over P / 8 blocks has relative standard error at most sqrt(2 / 8 / (P / 8)) = sqrt(2 / P).
     */
    static final double CELL_REL_SE = Math.sqrt(2.0 / P);

    static CeoRoundResult[] e8;
    static CeoRoundResult[] scalar;
    static CeoSource[] sources;
    static CeoAggregator aggregator;

    @BeforeAll
    static void run() {
        aggregator = new CeoAggregator(GradientLayout.uniform(P, 1), K, 1, CeoSpec.parse(SPEC));
        final CeoAggregator reference = new CeoAggregator(GradientLayout.uniform(P, 1), K, 1, CeoSpec.parse(CeoCodecTest.SPEC));
        e8 = new CeoRoundResult[3];
        scalar = new CeoRoundResult[3];
        sources = new CeoSource[3];
        for (int t = 0; t < 3; t++) {
            sources[t] = new CeoSource(P, SX2, CeoSource.homogeneous(K, SN2), 100 + t);
            e8[t] = aggregator.round(t, sources[t].y);
            scalar[t] = reference.round(t, sources[t].y);
        }
    }

    @Test
    void laterWorkersSendE8Planes() {
        for (int t = 1; t < 3; t++) {
            final CeoRoundResult r = e8[t];
            final int first = r.plan().order()[0][0];
            for (int k = 0; k < K; k++) {
                final int w = k;
                final boolean coset = r.planes().stream().anyMatch(s -> s.worker() == w && s.plane() == CeoE8.COSET_PLANE);
                assertEquals(k != first, coset, "round " + t + " worker " + k);
            }
            // the least significant plane carries 6 + 1 bits per block (the parity bit is not sent)
            assertTrue(r.planes().stream().filter(s -> s.plane() == 0).allMatch(s -> s.sourceBits() == P / 8 * 6));
            assertTrue(r.planes().stream().filter(s -> s.plane() == CeoE8.PAIR_PLANE).allMatch(s -> s.sourceBits() == P / 8));
        }
    }

    @Test
    void estimateIsUnbiasedInEveryRound() {
        for (int t = 0; t < 3; t++) {
            final double[] f = CeoCodecTest.figures(sources[t].x, e8[t].estimate());
            assertTrue(Math.abs(f[0] - 1) <= Z * f[1], "round " + t + " slope " + f[0] + " se " + f[1]);
            assertTrue(Math.abs(f[2]) <= Z * f[3], "round " + t + " mean error " + f[2] + " se " + f[3]);
        }
    }

    @Test
    void quantizationErrorIsTheE8CellsAndUnbiased() {
        final CeoRoundResult r = e8[2];
        final int first = r.plan().order()[0][0];
        for (int k = 0; k < K; k++) {
            if (k == first) {
                continue;
            }
            final float[] yhat = aggregator.server().decoder().reconstruction(k, 0);
            final float[] y = sources[2].y[k];
            double sum = 0;
            double sq = 0;
            double cross = 0;
            double yy = 0;
            for (int i = 0; i < P; i++) {
                final double e = yhat[i] - (double) y[i];
                sum += e;
                sq += e * e;
                cross += e * y[i];
                yy += (double) y[i] * y[i];
            }
            final double step = r.steps()[k][0];
            final double delta = CeoE8.latticeStep(step);
            final double g = sq / P / (delta * delta);
            // sv2 = G Delta^2 per dimension, equal to the scalar-equivalent step^2 / 12
            assertEquals(CeoE8.G, g, Z * CELL_REL_SE * CeoE8.G, "worker " + k + " second moment / Delta^2");
            assertEquals(step * step / 12, CeoE8.G * delta * delta, 1e-12 * step * step);
            final double se = Math.sqrt(sq / P / P);
            assertTrue(Math.abs(sum / P) <= Z * se, "worker " + k + " mean error " + sum / P);
            // regression of the error on y: zero slope (independent of y), standard error sqrt(E e^2 / sum y^2)
            assertTrue(Math.abs(cross / yy) <= Z * Math.sqrt(sq / P / yy), "worker " + k + " error slope " + cross / yy);
        }
    }

    @Test
    void distortionMatchesThePlanAndTheTarget() {
        for (int t = 1; t < 3; t++) {
            final CeoRoundResult r = e8[t];
            final double mse = CeoCodecTest.figures(sources[t].x, r.estimate())[4];
            double expected = 0;
            for (int k = 0; k < K; k++) {
                final double w = r.plan().weight()[k][0];
                final double step = r.steps()[k][0];
                final boolean lattice = k != r.plan().order()[0][0];
                final double sv2 = lattice ? CeoE8.G * Math.pow(CeoE8.latticeStep(step), 2) : step * step / 12;
                expected += w * w * (SN2 + sv2);
            }
            assertEquals(expected, mse, Z * MSE_REL_SE * expected, "round " + t);
            final double target = 2 * SN2 / K;
            assertEquals(target, mse, (CeoCodecTest.DISTORTION_TOLERANCE + Z * MSE_REL_SE) * target, "round " + t);
        }
    }

    @Test
    void rateIsBelowTheScalarCodecAtTheSameDistortion() {
        for (int t = 1; t < 3; t++) {
            final double mseE8 = CeoCodecTest.figures(sources[t].x, e8[t].estimate())[4];
            final double mseScalar = CeoCodecTest.figures(sources[t].x, scalar[t].estimate())[4];
            // same plan targets; both MSEs within 5 standard errors of each other
            assertEquals(mseScalar, mseE8, Z * MSE_REL_SE * 2 * mseScalar, "round " + t);
            final double bitsE8 = e8[t].totalBits() / (double) P;
            final double bitsScalar = scalar[t].totalBits() / (double) P;
            System.out.printf("round %d: e8 %.4f bits (mse %.5f), scalar %.4f bits (mse %.5f)%n", t, bitsE8, mseE8, bitsScalar,
                    mseScalar);
            assertTrue(bitsE8 < bitsScalar, "round " + t + ": e8 " + bitsE8 + " vs scalar " + bitsScalar);
        }
    }

    @Test
    void weakSideInformationFallsBackToTheScalarPath() {
        // sx2/sn2 = 0.1 and rho = 100: the side information says little and the step is coarse, so each worker's
        // scalar indices cost about 0.19 bit per coordinate entropy-coded, near the E8 coset bits alone (up to 1/8
        // bit per coordinate): the E8 workers take the scalar path. (At rho = 1 the E8 planes coded against weak side
        // information can beat rANS on the scalar indices, by the lattice's gain: at sx2/sn2 = 0.1 and 0.01 some
        // worker is near the crossover, e.g. sx2/sn2 = 0.01: 10.71 bits per coordinate with E8 against 10.81.)
        final String coarse = "ceo:rho=100,block=4096";
        final int p = 1 << 13;
        final CeoAggregator withE8 = new CeoAggregator(GradientLayout.uniform(p, 1), K, 1, CeoSpec.parse(coarse + ",quantizer=e8"));
        final CeoAggregator reference = new CeoAggregator(GradientLayout.uniform(p, 1), K, 1, CeoSpec.parse(coarse));
        for (int t = 0; t < 2; t++) {
            final CeoSource src = new CeoSource(p, 0.1, CeoSource.homogeneous(K, SN2), 400 + t);
            final CeoRoundResult a = withE8.round(t, src.y);
            final CeoRoundResult b = reference.round(t, src.y);
            System.out.printf("weak side information, round %d: e8 %.4f bits, scalar %.4f bits%n", t, a.totalBits() / (double) p,
                    b.totalBits() / (double) p);
            assertTrue(a.planes().stream().noneMatch(s -> s.plane() == CeoE8.COSET_PLANE), "round " + t);
            assertEquals(b.totalBits(), a.totalBits(), "round " + t);
            assertArrayEquals(b.estimate(), a.estimate(), "round " + t);
        }
    }

    @Test
    void layersOfMixedModesShareOneFrame() {
        // two layers: E8 with a tail (P = 2^14 + 5, where E8 is the cheaper path) and one below MIN_LAYER (scalar)
        final GradientLayout layout = GradientLayout.ofSizes(P + 5, 40);
        final int p = layout.totalSize();
        final CeoAggregator agg = new CeoAggregator(layout, K, 1, CeoSpec.parse(SPEC));
        CeoRoundResult r = null;
        CeoSource src = null;
        for (int t = 0; t < 3; t++) {
            src = new CeoSource(p, SX2, CeoSource.homogeneous(K, SN2), 500 + t);
            r = agg.round(t, src.y);
        }
        final CeoRoundResult last = r;
        assertTrue(last.planes().stream().anyMatch(s -> s.layer() == 0 && s.plane() == CeoE8.COSET_PLANE));
        assertTrue(last.planes().stream().noneMatch(s -> s.layer() == 1 && s.plane() == CeoE8.COSET_PLANE));
        final double[] f = CeoCodecTest.figures(src.x, last.estimate());
        assertTrue(Math.abs(f[0] - 1) <= Z * f[1], "slope " + f[0] + " +- " + f[1]);
        assertTrue(Math.abs(f[2]) <= Z * f[3], "mean error " + f[2] + " +- " + f[3]);
    }

    @Test
    void layerNotAMultipleOfEightCodesItsTailScalar() {
        // 4101 = 512 blocks of 8 + 5 tail coordinates; 4096-bit LDPC blocks leave short last blocks in every plane
        final int p = 4101;
        final CeoAggregator agg = new CeoAggregator(GradientLayout.uniform(p, 1), K, 1, CeoSpec.parse(SPEC));
        CeoRoundResult r = null;
        CeoSource src = null;
        for (int t = 0; t < 3; t++) {
            src = new CeoSource(p, SX2, CeoSource.homogeneous(K, SN2), 300 + t);
            r = agg.round(t, src.y);
        }
        assertTrue(r.planes().stream().anyMatch(s -> s.plane() == CeoE8.COSET_PLANE));
        final int first = r.plan().order()[0][0];
        for (int k = 0; k < K; k++) {
            final float[] yhat = agg.server().decoder().reconstruction(k, 0);
            final double step = r.steps()[k][0];
            for (int i = p - p % 8; i < p; i++) {
                // the tail is scalar: the error lies in the scalar cell [-step/2, step/2)
                assertTrue(Math.abs(yhat[i] - src.y[k][i]) <= step / 2 * (1 + 1e-6), "worker " + k + " tail " + i);
            }
            if (k != first) {
                // the E8 part: the error lies in the E8 cell, whose points are at most Delta from the origin
                final double delta = CeoE8.latticeStep(step);
                for (int b = 0; b < p / 8; b++) {
                    double d2 = 0;
                    for (int i = 8 * b; i < 8 * b + 8; i++) {
                        d2 += Math.pow(yhat[i] - src.y[k][i], 2);
                    }
                    assertTrue(d2 <= delta * delta * (1 + 1e-4), "worker " + k + " block " + b + ": |e|^2 = " + d2);
                }
            }
        }
        final double[] f = CeoCodecTest.figures(src.x, r.estimate());
        assertTrue(Math.abs(f[0] - 1) <= Z * f[1], "slope " + f[0] + " +- " + f[1]);
        assertTrue(Math.abs(f[2]) <= Z * f[3], "mean error " + f[2] + " +- " + f[3]);
    }

    @Test
    void badE8FramesAreTypedErrors() {
        final CeoAggregator agg = new CeoAggregator(GradientLayout.uniform(P, 1), K, 1, CeoSpec.parse(SPEC));
        agg.round(0, sources[0].y);
        final CeoPlan plan = agg.plan(1);
        final byte[][] frames = agg.encode(plan, sources[1].y);
        final int victim = plan.order()[0][K - 1];
        final byte[] original = frames[victim];
        assertEquals(CeoFrame.VERSION_E8, new UnsafeBuffer(original).getShort(4, ByteOrder.LITTLE_ENDIAN));
        assertEquals(CeoFrame.MODE_E8, original[CeoFrame.HEADER_BYTES]);
        frames[victim] = Arrays.copyOf(original, original.length - 5);
        assertEquals(FrameError.TRUNCATED, assertThrows(FrameException.class, () -> agg.decode(plan, frames)).error());
        frames[victim] = original.clone();
        frames[victim][original.length / 2] ^= 0x10;
        assertEquals(FrameError.CORRUPTED, assertThrows(FrameException.class, () -> agg.decode(plan, frames)).error());
        // mode 3 in a version-1 frame
        frames[victim] = resealed(original, 4, (short) 1);
        assertEquals(FrameError.BAD_PAYLOAD, assertThrows(FrameException.class, () -> agg.decode(plan, frames)).error());
        // a plane count of 0 (section: 12 common bytes, zmin, planes)
        frames[victim] = resealed(original, CeoFrame.HEADER_BYTES + 16, 0);
        assertEquals(FrameError.BAD_PAYLOAD, assertThrows(FrameException.class, () -> agg.decode(plan, frames)).error());
        // an unknown kind for the coset plane (P is a multiple of 8: no tail indices)
        final byte[] kind = original.clone();
        kind[CeoFrame.HEADER_BYTES + 20] = 9;
        frames[victim] = resealed(kind, 0, new UnsafeBuffer(kind).getInt(0, ByteOrder.LITTLE_ENDIAN));
        assertEquals(FrameError.BAD_PAYLOAD, assertThrows(FrameException.class, () -> agg.decode(plan, frames)).error());
        // an E8 section in place of the first worker's (no side information before it)
        frames[victim] = original;
        final int head = plan.order()[0][0];
        final byte[] headFrame = frames[head];
        frames[head] = resealed(original, 8, head);
        assertEquals(FrameError.MALFORMED, assertThrows(FrameException.class, () -> agg.decode(plan, frames)).error());
        frames[head] = headFrame;
        agg.decode(plan, frames); // intact again
    }

    @Test
    void cosetSeriesMatchesDirectSummation() {
        final SplittableRandom rng = new SplittableRandom(5);
        final double[] out = new double[4];
        for (final double sigma : new double[] {0.05, 0.2, 0.4, 1.0}) {
            final double[][] f = CeoE8.seriesFactors(sigma);
            for (int trial = 0; trial < 50; trial++) {
                final double m = 10 * rng.nextDouble() - 5;
                CeoE8.parityMeans(m, f, out, 0);
                for (int c = 0; c < 2; c++) {
                    // A(c) = sum_z phi_sigma(z + c/2 - m), B(c) = sum_z (-1)^z phi_sigma(z + c/2 - m) (densities)
                    double a = 0;
                    double b = 0;
                    for (int z = (int) Math.floor(m) - 60; z <= (int) Math.floor(m) + 60; z++) {
                        final double x = (z + c / 2.0 - m) / sigma;
                        final double d = Math.exp(-x * x / 2) / (sigma * Math.sqrt(2 * Math.PI));
                        a += d;
                        b += ((z & 1) == 0 ? 1 : -1) * d;
                    }
                    // the series stops at terms below 1e-16; the sums themselves are accurate to rounding
                    assertEquals(a, out[c], 1e-9 * Math.max(1, a), "sigma " + sigma + " m " + m + " A(" + c + ")");
                    assertEquals(b, out[2 + c], 1e-9 * Math.max(1, a), "sigma " + sigma + " m " + m + " B(" + c + ")");
                }
            }
        }
    }

    @Test
    void alignedSliceEqualsTheBitwiseSlice() {
        final SplittableRandom rng = new SplittableRandom(7);
        final long[] w = new long[40];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextLong();
        }
        for (final int from : new int[] {0, 64, 128, 640, 3, 65}) {
            for (final int n : new int[] {0, 1, 63, 64, 65, 1000, 2048 - from}) {
                assertArrayEquals(PlaneBits.slice(w, from, from + n), CeoE8Encoder.slice(w, from, from + n), from + " " + n);
            }
        }
    }

    @Test
    void parityMarginalsMatchEnumeration() {
        final SplittableRandom rng = new SplittableRandom(6);
        final float[] llr = new float[8];
        final float[] marg = new float[CeoE8.LOW_FIRST];
        for (int trial = 0; trial < 20; trial++) {
            for (int i = 0; i < 8; i++) {
                llr[i] = (float) (6 * rng.nextDouble() - 3);
            }
            CeoE8.parityMarginals(llr, 0, marg, 0);
            final double[] p0 = new double[8];
            final double[] p1 = new double[8];
            for (int bits = 0; bits < 256; bits++) {
                if (Integer.bitCount(bits) % 2 != 0) {
                    continue;
                }
                double w = 1;
                for (int i = 0; i < 8; i++) {
                    final double q0 = 1 / (1 + Math.exp(-llr[i]));
                    w *= ((bits >>> i) & 1) == 0 ? q0 : 1 - q0;
                }
                for (int i = 0; i < 8; i++) {
                    if (((bits >>> i) & 1) == 0) {
                        p0[i] += w;
                    } else {
                        p1[i] += w;
                    }
                }
            }
            for (int i = 0; i < CeoE8.LOW_FIRST; i++) {
                assertEquals(Math.log(p0[i] / p1[i]), marg[i], 1e-5, "trial " + trial + " bit " + i);
            }
            // the seventh bit given the first six: P(b6, b7 = s xor b6), exact
            for (int s = 0; s < 2; s++) {
                final double q6 = 1 / (1 + Math.exp(-llr[6]));
                final double q7 = 1 / (1 + Math.exp(-llr[7]));
                final double e0 = q6 * (s == 0 ? q7 : 1 - q7);
                final double e1 = (1 - q6) * (s == 0 ? 1 - q7 : q7);
                assertEquals(Math.log(e0 / e1), CeoE8.pairLlr(llr[6], llr[7], s), 1e-5, "trial " + trial + " pair s=" + s);
            }
        }
    }

    /** A copy with an int (or short when value is a Short) at {@code at} replaced and the trailer CRC redone. */
    private static byte[] resealed(final byte[] frame, final int at, final Object value) {
        final byte[] f = frame.clone();
        final UnsafeBuffer b = new UnsafeBuffer(f);
        if (value instanceof Short s) {
            b.putShort(at, s, ByteOrder.LITTLE_ENDIAN);
        } else {
            b.putInt(at, (Integer) value, ByteOrder.LITTLE_ENDIAN);
        }
        final int end = f.length - CeoFrame.TRAILER_BYTES;
        b.putInt(end, Crc32cChecksum.compute(b, 0, end), ByteOrder.LITTLE_ENDIAN);
        return f;
    }

    @Test
    void scalarFramesStayVersionOne() {
        final int p = 2048;
        final CeoAggregator agg = new CeoAggregator(GradientLayout.uniform(p, 1), K, 1, CeoSpec.parse(CeoCodecTest.SPEC));
        agg.round(0, new CeoSource(p, SX2, CeoSource.homogeneous(K, SN2), 600).y);
        final CeoPlan plan = agg.plan(1);
        for (final byte[] f : agg.encode(plan, new CeoSource(p, SX2, CeoSource.homogeneous(K, SN2), 601).y)) {
            assertEquals(CeoFrame.VERSION, new UnsafeBuffer(f).getShort(4, ByteOrder.LITTLE_ENDIAN));
        }
        assertFalse(CeoSpec.parse(CeoCodecTest.SPEC).e8());
        assertTrue(CeoSpec.parse(SPEC).e8());
    }
}
