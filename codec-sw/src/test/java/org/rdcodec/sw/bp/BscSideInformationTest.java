package org.rdcodec.sw.bp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rdcodec.sw.ldpc.CodeCache;
import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.RateChoice;
import org.rdcodec.sw.ldpc.SourceBlock;
import org.rdcodec.sw.ldpc.SyndromeEncoder;
import org.rdcodec.sw.ldpc.TestSources;

/**
 * Slepian-Wolf coding of uniform sources against BSC(p) side information, at a block length that fits the
 * unit-test budget (the n = 65536 sweep is `rdc sw`, figures in src/site/ldpc.md).
 */
class BscSideInformationTest {

    /** Block length of the statistical tests. */
    private static final int N = 16384;

    /** Feedback-free blocks per p. */
    private static final int FEEDBACK_FREE_TRIALS = 20;

    /**
     * Failures allowed among {@link #FEEDBACK_FREE_TRIALS} blocks. If the true success rate is 99%, the number
     * of failures is Binomial(20, 0.01): P(>= 3) = 1 - 0.99^20 - 20 * 0.01 * 0.99^19 - 190 * 0.01^2 * 0.99^18
     * = 0.0010, so a codec meeting the 99% target fails this check with probability about 0.1%; one at 90%
     * success passes it with probability P(Binomial(20, 0.1) &lt;= 2) = 0.68, so this is a smoke-level check
     * of the claim, which the CLI sweep measures properly.
     */
    private static final int ALLOWED_FEEDBACK_FREE_FAILURES = 2;

    /** Rate-adaptive blocks per p (each costs several decodes). */
    private static final int RATE_ADAPTIVE_TRIALS = 8;

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.05, 0.11, 0.2})
    void feedbackFreeRateChoiceDecodes(final double p) {
        final double h = RateChoice.binaryEntropy(p);
        final int bits = RateChoice.feedbackFreeBits(N, h, RateChoice.bitDispersion(p));
        final LadderCode code = CodeCache.feedbackFree(N, h, RateChoice.bitDispersion(p), 7);
        final SlepianWolfDecoder decoder = SlepianWolfDecoder.fast();
        final SplittableRandom rnd = new SplittableRandom(100 + (long) (p * 1000));
        int failures = 0;
        for (int trial = 0; trial < FEEDBACK_FREE_TRIALS; trial++) {
            final long[] x = TestSources.randomBlock(N, rnd);
            final float[] llr = TestSources.bscLlr(x, N, p, rnd);
            final long[] ladder = SyndromeEncoder.encode(code, x);
            try {
                final DecodeResult r = decoder.decode(code, llr, ladder, bits, SourceBlock.crc32c(x, N));
                assertArrayEquals(x, r.bits(), "a returned block is always the source (p=" + p + ")");
            } catch (final DecodeFailure f) {
                failures++;
            }
        }
        assertTrue(failures <= ALLOWED_FEEDBACK_FREE_FAILURES,
                "p=" + p + ": " + failures + " of " + FEEDBACK_FREE_TRIALS + " failed at rate " + bits / (N * h) + " h(p)");
    }

    /**
     * Rate-adaptive decoding stops where BP first succeeds, so on average it must pay less than the
     * feedback-free choice, which has to cover the unlucky blocks too. Every block decodes (the ladder reaches
     * {@link RateChoice#ADAPTIVE_HEADROOM} times the feedback-free rate).
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.05, 0.11, 0.2})
    void rateAdaptivePaysLessThanFeedbackFree(final double p) {
        final double h = RateChoice.binaryEntropy(p);
        final double v = RateChoice.bitDispersion(p);
        final int feedbackFree = RateChoice.feedbackFreeBits(N, h, v);
        final LadderCode code = CodeCache.rateAdaptive(N, h, v, 7);
        final SlepianWolfDecoder decoder = SlepianWolfDecoder.fast();
        final SplittableRandom rnd = new SplittableRandom(200 + (long) (p * 1000));
        long used = 0;
        for (int trial = 0; trial < RATE_ADAPTIVE_TRIALS; trial++) {
            final long[] x = TestSources.randomBlock(N, rnd);
            final float[] llr = TestSources.bscLlr(x, N, p, rnd);
            final long[] ladder = SyndromeEncoder.encode(code, x);
            final DecodeResult r = decoder.decodeRateAdaptive(code, llr, ladder, SourceBlock.crc32c(x, N));
            assertArrayEquals(x, r.bits());
            assertTrue(r.syndromeBitsUsed() >= code.baseChecks());
            used += r.syndromeBitsUsed();
        }
        final double mean = used / (double) RATE_ADAPTIVE_TRIALS;
        assertTrue(mean < feedbackFree, "p=" + p + ": rate-adaptive mean " + mean / (N * h)
                + " h(p) not below feedback-free " + feedbackFree / (N * h) + " h(p)");
    }
}
