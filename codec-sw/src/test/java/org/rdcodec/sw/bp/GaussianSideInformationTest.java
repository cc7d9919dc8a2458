package org.rdcodec.sw.bp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.rdcodec.sw.ldpc.CodeCache;
import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.RateChoice;
import org.rdcodec.sw.ldpc.SourceBlock;
import org.rdcodec.sw.ldpc.SyndromeEncoder;
import org.rdcodec.sw.ldpc.TestSources;

/**
 * Binary source, side information y = (1 - 2x) + N(0, sigma^2), LLR = 2 y / sigma^2: soft side information
 * with H(X | Y) computed by numerical integration.
 */
class GaussianSideInformationTest {

    private static final int N = 16384;
    private static final double SIGMA = 0.8;
    private static final int TRIALS = 10;

    /**
     * Failures allowed in {@link #TRIALS} blocks: with a true 99% success rate, P(failures &gt;= 2)
     * = 1 - 0.99^10 - 10 * 0.01 * 0.99^9 = 0.0043.
     */
    private static final int ALLOWED_FAILURES = 1;

    /**
     * H(X | Y) = E[h_b(1 / (1 + e^|L|))] with L = 2 y / sigma^2, y ~ N(1, sigma^2) (by symmetry x = 0 suffices):
     * composite Simpson's rule on [1 - 12 sigma, 1 + 12 sigma] with 20000 intervals; the integrand is smooth
     * and bounded by the Gaussian density, so the error is far below the 1e-9 used in the checks.
     */
    static double conditionalEntropy(final double sigma) {
        final int intervals = 20000;
        final double lo = 1 - 12 * sigma;
        final double hi = 1 + 12 * sigma;
        final double step = (hi - lo) / intervals;
        double sum = 0;
        for (int i = 0; i <= intervals; i++) {
            final double y = lo + i * step;
            final double w = i == 0 || i == intervals ? 1 : (i % 2 == 1 ? 4 : 2);
            final double density = Math.exp(-0.5 * (y - 1) * (y - 1) / (sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI));
            sum += w * density * RateChoice.binaryEntropy(RateChoice.minorityProbability((float) (2 * y / (sigma * sigma))));
        }
        return sum * step / 3;
    }

    private static float[] awgnLlr(final long[] x, final SplittableRandom rnd) {
        final float[] llr = new float[N];
        for (int i = 0; i < N; i++) {
            final double s = ((x[i >>> 6] >>> i) & 1L) == 0 ? 1.0 : -1.0;
            final double y = s + SIGMA * gaussian(rnd);
            llr[i] = (float) (2 * y / (SIGMA * SIGMA));
        }
        return llr;
    }

    private static double gaussian(final SplittableRandom rnd) {
        // Box-Muller; one value per call is enough here
        final double u = 1.0 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    @Test
    void entropyEstimateFromLlrsMatchesTheIntegral() {
        final double h = conditionalEntropy(SIGMA);
        final SplittableRandom rnd = new SplittableRandom(1);
        final float[] llr = awgnLlr(TestSources.randomBlock(N, rnd), rnd);
        // per-bit h_b values lie in [0, 1], so their standard deviation is at most 1/2 and the standard error
        // of the block mean at most 0.5 / sqrt(N); allow 5 of those
        assertEquals(h, RateChoice.conditionalEntropy(llr), 5 * 0.5 / Math.sqrt(N));
    }

    @Test
    void feedbackFreeDecodesAtTheChosenRate() {
        final double h = conditionalEntropy(SIGMA);
        assertTrue(h > 0.1 && h < 0.5, "sigma chosen for a mid-range entropy, got " + h);
        assertDecodesAtTheFeedbackFreeRate(SlepianWolfDecoder.fast(), h, 2);
    }

    @Test
    void libraryIntegralEqualsThisOne() {
        // same rule and grid; this test's version rounds each LLR to float (relative 2^-24), the library keeps
        // doubles: the two differ by about 1e-11
        assertEquals(conditionalEntropy(SIGMA), RateChoice.awgnConditionalEntropy(SIGMA), 1e-9);
        assertEquals(conditionalEntropy(0.5), RateChoice.awgnConditionalEntropy(0.5), 1e-9);
    }

    @Test
    void fixedPointDecodesAtTheChosenRate() {
        // the 16-bit decoder quantizes soft LLRs to 1/32: it must still decode at the feedback-free rate. The
        // scalar twin is used (the batch decoder gives the same outcome per block, BatchSlepianWolfDecoderTest;
        // its first calls run before the JIT has compiled the Vector API code, too slow for a unit test)
        final double h = RateChoice.awgnConditionalEntropy(SIGMA);
        assertDecodesAtTheFeedbackFreeRate(SlepianWolfDecoder.fixedPoint(), h, 3);
    }

    /** Codes TRIALS random blocks at the feedback-free rate for H(X|Y) = h; at most ALLOWED_FAILURES may fail. */
    private static void assertDecodesAtTheFeedbackFreeRate(final SlepianWolfDecoder decoder, final double h, final long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final float[] probe = awgnLlr(TestSources.randomBlock(N, rnd), rnd);
        final int bits = RateChoice.feedbackFreeBits(N, h, RateChoice.dispersion(probe));
        final LadderCode code = CodeCache.feedbackFree(N, h, RateChoice.dispersion(probe), 7);
        int failures = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            final long[] x = TestSources.randomBlock(N, rnd);
            final float[] llr = awgnLlr(x, rnd);
            try {
                final DecodeResult r = decoder.decode(code, llr, SyndromeEncoder.encode(code, x), bits,
                        SourceBlock.crc32c(x, N));
                assertArrayEquals(x, r.bits());
            } catch (final DecodeFailure f) {
                failures++;
            }
        }
        assertTrue(failures <= ALLOWED_FAILURES, failures + " of " + TRIALS + " failed at " + bits / (N * h) + " H(X|Y)");
    }
}
