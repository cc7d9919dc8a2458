package org.rdcodec.sw.ceo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Codecs;
import org.rdcodec.core.quant.GradientCodec;
import org.rdcodec.core.quant.WorkerEncoder;
import org.rdcodec.core.spec.SpecException;

/**
 * End-to-end CEO codec on a small Gaussian CEO source: K = 10, sx2 = 10, sn2 = 1, rho = 1 (D = 0.2),
 * P = 2^14 coordinates in LDPC blocks of 4096 bits, three rounds (bootstrap + two planned).
 */
class CeoCodecTest {

    static final int K = 10;
    static final int P = 1 << 14;
    static final double SX2 = 10;
    static final double SN2 = 1;
    static final String SPEC = "ceo:rho=1,block=4096";

    /** Bias checks: |slope - 1| and |mean error| within this many standard errors (the criterion). */
    static final double Z = 5;

    /**
     * Relative standard error of a mean of P squared errors: the error is a weighted sum of Gaussian noise and
     * uniform dither noise, whose kurtosis is at most 3 (Gaussian), so Var(e^2) &lt;= 2 E[e^2]^2 and the MSE's
     * relative standard error is at most sqrt(2 / P) (0.011 at P = 2^14).
     */
    static final double MSE_REL_SE = Math.sqrt(2.0 / P);

    /** The distortion target: within 3% of the planned D (on top of the MSE's own sampling error). */
    static final double DISTORTION_TOLERANCE = 0.03;

    static CeoRoundResult[] results;
    static CeoSource[] sources;
    static CeoAggregator aggregator;

    @BeforeAll
    static void run() {
        aggregator = new CeoAggregator(GradientLayout.uniform(P, 1), K, 1, CeoSpec.parse(SPEC));
        results = new CeoRoundResult[3];
        sources = new CeoSource[3];
        for (int t = 0; t < 3; t++) {
            sources[t] = new CeoSource(P, SX2, CeoSource.homogeneous(K, SN2), 100 + t);
            results[t] = aggregator.round(t, sources[t].y);
        }
    }

    /** slope of Xhat on X, its standard error, mean error, its standard error, MSE. */
    static double[] figures(final float[] x, final float[] xhat) {
        double sxe = 0;
        double sxx = 0;
        double sxxee = 0;
        double se = 0;
        double see = 0;
        for (int i = 0; i < x.length; i++) {
            final double e = xhat[i] - x[i];
            sxe += x[i] * e;
            sxx += (double) x[i] * x[i];
            sxxee += (double) x[i] * x[i] * e * e;
            se += e;
            see += e * e;
        }
        final double n = x.length;
        final double mean = se / n;
        return new double[] {1 + sxe / sxx, Math.sqrt(sxxee) / sxx, mean, Math.sqrt((see / n - mean * mean) / n), see / n};
    }

    @Test
    void bootstrapRoundEntropyCodesEveryWorkerAndLaterRoundsUseBitPlanes() {
        assertTrue(results[0].plan().bootstrap());
        assertTrue(results[0].planes().isEmpty(), "no bit-planes without statistics");
        for (int t = 1; t < 3; t++) {
            assertFalse(results[t].plan().bootstrap());
            assertFalse(results[t].planes().isEmpty());
            final int first = results[t].plan().order()[0][0];
            assertTrue(results[t].planes().stream().noneMatch(s -> s.worker() == first), "the first worker is entropy coded");
        }
    }

    @Test
    void estimateIsUnbiasedInEveryRound() {
        for (int t = 0; t < 3; t++) {
            final double[] f = figures(sources[t].x, results[t].estimate());
            assertTrue(Math.abs(f[0] - 1) <= Z * f[1], "round " + t + " slope " + f[0] + " se " + f[1]);
            assertTrue(Math.abs(f[2]) <= Z * f[3], "round " + t + " mean error " + f[2] + " se " + f[3]);
        }
    }

    @Test
    void distortionMatchesThePlanAndTheTarget() {
        for (int t = 1; t < 3; t++) {
            final CeoRoundResult r = results[t];
            final double mse = figures(sources[t].x, r.estimate())[4];
            // exact expectation given the plan's weights, the frames' steps and the TRUE noise
            double expected = 0;
            for (int k = 0; k < K; k++) {
                final double w = r.plan().weight()[k][0];
                expected += w * w * (SN2 + r.steps()[k][0] * r.steps()[k][0] / 12);
            }
            assertEquals(expected, mse, Z * MSE_REL_SE * expected, "round " + t);
            final double target = (1 + 1.0) * SN2 / K;
            assertEquals(target, mse, (DISTORTION_TOLERANCE + Z * MSE_REL_SE) * target, "round " + t + " vs target");
        }
    }

    @Test
    void rateIsBelowThePerWorkerDitheredCodecAtTheSameDistortion() throws Exception {
        // per-worker codec at the same unbiased distortion: each worker's yhat has sn2 + step^2/12 = K D
        final double d = 2 * SN2 / K;
        final double step = Math.sqrt(12 * (K * d - SN2));
        final GradientCodec codec = Codecs.create("dithered:step=" + step);
        final GradientLayout layout = GradientLayout.uniform(P, 1);
        long bytes = 0;
        for (int k = 0; k < K; k++) {
            try (WorkerEncoder enc = codec.newEncoder(layout, k, 1);
                 GradientBuffer g = GradientBuffer.of(sources[2].y[k])) {
                final UnsafeBuffer frame = new UnsafeBuffer(new byte[enc.maxFrameBytes()]);
                bytes += enc.encode(g, 2, frame, 0, frame.capacity());
            }
        }
        final double perWorkerBits = 8.0 * bytes / P;
        final double ceoBits = results[2].totalBits() / (double) P;
        assertTrue(ceoBits < perWorkerBits, "ceo " + ceoBits + " vs per-worker dithered " + perWorkerBits);
    }

    @Test
    void statisticsComeFromDecodedDataAndAreClose() {
        final CeoStatistics s = aggregator.statistics();
        assertTrue(s.ready());
        // CeoStatisticsTest's derivation: sn2_k^ has a standard error of about
        // (sn2 + sv2 + T/m) sqrt(2/P) / (1 - 2/m) per round (T/m ~ sn2 + sv2 here, sv2 <= sn2 at rho <= 1: so
        // 4 sn2 sqrt(2/P) / 0.8 = 5 sn2 sqrt(2/P)); sx2^ about (sx2 + 2 T/m) sqrt(2/P) <= 1.4 sx2 sqrt(2/P).
        // The exponential average only shrinks them. Tolerance: 5 standard errors.
        final double se = Math.sqrt(2.0 / P);
        assertEquals(SX2, s.sx2(0), Z * 1.4 * se * SX2);
        for (int k = 0; k < K; k++) {
            assertEquals(SN2, s.sn2(k, 0), Z * 5 * se * SN2, "worker " + k);
        }
    }

    @Test
    void tooSmallMarginFallsBackAndGivesTheSameEstimate() {
        final CeoAggregator tight = new CeoAggregator(GradientLayout.uniform(P, 1), K, 1, CeoSpec.parse(SPEC + ",margin=0.6,mode=feedback-free"));
        CeoRoundResult last = null;
        for (int t = 0; t < 3; t++) {
            last = tight.round(t, sources[t].y);
        }
        assertTrue(last.fallbacks() > 0, "a margin of 0.6 must make planes fail");
        final long counted = last.planes().stream().mapToLong(PlaneStat::fallbackBits).sum();
        assertTrue(counted > 0);
        assertEquals(counted, Arrays.stream(last.fallbackBits()).sum());
        // quantization and plans depend neither on the margin nor on the mode (this run is feedback-free, the
        // reference rate-adaptive): the estimate is bit for bit the same
        assertArrayEquals(results[2].estimate(), last.estimate());
    }

    @Test
    void rateAdaptiveDefaultRequestsLadderBits() {
        // (feedback-free mode gives the same estimate: tooSmallMarginFallsBackAndGivesTheSameEstimate)
        final CeoRoundResult last = results[2];
        // the frame starts at the ladder's base, just below where most blocks decode: some ask for more
        assertTrue(Arrays.stream(last.fallbackBits()).sum() > 0, "no ladder bits were requested");
    }

    @Test
    void corruptedAndTruncatedFramesAreTypedErrors() {
        final CeoAggregator agg = new CeoAggregator(GradientLayout.uniform(P, 1), K, 1, CeoSpec.parse(SPEC));
        agg.round(0, sources[0].y);
        final CeoPlan plan = agg.plan(1);
        final byte[][] frames = agg.encode(plan, sources[1].y);
        final int victim = plan.order()[0][K - 1];
        final byte[] original = frames[victim];
        frames[victim] = Arrays.copyOf(original, original.length - 5);
        assertEquals(FrameError.TRUNCATED, assertThrows(FrameException.class, () -> agg.decode(plan, frames)).error());
        frames[victim] = original.clone();
        frames[victim][original.length / 2] ^= 0x10;
        assertEquals(FrameError.CORRUPTED, assertThrows(FrameException.class, () -> agg.decode(plan, frames)).error());
        frames[victim] = original.clone();
        frames[victim][0] ^= 1;
        assertEquals(FrameError.BAD_MAGIC, assertThrows(FrameException.class, () -> agg.decode(plan, frames)).error());
        frames[victim] = null;
        assertEquals(FrameError.TRUNCATED, assertThrows(FrameException.class, () -> agg.decode(plan, frames)).error());
        frames[victim] = original;
        agg.decode(plan, frames); // intact again
    }

    @Test
    void noisyWorkerGetsZeroAndSendsNothing() {
        final double[] sn2 = CeoSource.homogeneous(K, SN2);
        sn2[3] = 400; // water-filling gives it z = 0 at D = 0.15
        final int p = 1 << 13;
        final CeoAggregator agg = new CeoAggregator(GradientLayout.uniform(p, 1), K, 1, CeoSpec.parse("ceo:distortion=0.15,block=4096"));
        CeoRoundResult r = null;
        CeoSource src = null;
        for (int t = 0; t < 2; t++) {
            src = new CeoSource(p, SX2, sn2, 200 + t);
            r = agg.round(t, src.y);
        }
        assertEquals(0, r.frameBits()[3]);
        assertEquals(0, r.plan().weight()[3][0]);
        assertNull(agg.encode(r.plan(), src.y)[3]);
        final double[] f = figures(src.x, r.estimate());
        assertTrue(Math.abs(f[0] - 1) <= Z * f[1]);
    }

    @Test
    void layerOneLongerThanWholeBlocksStillCodes() {
        // 4097 = one 4096-bit block + a 1-bit block, too short for a syndrome code: such planes go CHECK or RAW
        final int p = 4097;
        final CeoAggregator agg = new CeoAggregator(GradientLayout.uniform(p, 1), K, 1, CeoSpec.parse(SPEC));
        CeoRoundResult r = null;
        CeoSource src = null;
        for (int t = 0; t < 3; t++) {
            src = new CeoSource(p, SX2, CeoSource.homogeneous(K, SN2), 300 + t);
            r = agg.round(t, src.y);
        }
        assertFalse(r.plan().bootstrap());
        assertTrue(r.planes().stream().noneMatch(s -> s.kind() == PlaneKind.SYNDROME), "no SYNDROME plane with a 1-bit block");
        assertTrue(r.planes().size() > 0, "later workers still send bit-planes");
        final double[] f = figures(src.x, r.estimate());
        assertTrue(Math.abs(f[0] - 1) <= Z * f[1], "slope " + f[0] + " +- " + f[1]);
    }

    @Test
    void specErrorsAreTyped() {
        assertThrows(SpecException.class, () -> CeoSpec.parse("ceo:"));
        assertThrows(SpecException.class, () -> CeoSpec.parse("ceo:distortion=0.2,rho=1"));
        assertThrows(SpecException.class, () -> CeoSpec.parse("ceo:distortion=-1"));
        assertThrows(SpecException.class, () -> CeoSpec.parse("ceo:distortion=0.2,foo=1"));
        assertThrows(SpecException.class, () -> CeoSpec.parse("ceo:distortion=0.2,quantizer=leech"));
        assertEquals(0.5, CeoSpec.parse("ceo:distortion=0.5,block=4096").distortion());
        assertTrue(CeoSpec.parse("ceo:rho=1").rateAdaptive());
        assertFalse(CeoSpec.parse("ceo:rho=1,mode=feedback-free").rateAdaptive());
        assertThrows(SpecException.class, () -> CeoSpec.parse("ceo:rho=1,mode=other"));
    }
}
