package org.rdcodec.sw.bp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.rdcodec.sw.ldpc.CodeCache;
import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.ParityCheckMatrix;
import org.rdcodec.sw.ldpc.RateChoice;
import org.rdcodec.sw.ldpc.SourceBlock;
import org.rdcodec.sw.ldpc.SyndromeCodingException;
import org.rdcodec.sw.ldpc.SyndromeEncoder;
import org.rdcodec.sw.ldpc.TestSources;

/**
 * The early stop of failing attempts (stall window): a block that cannot decode still fails, and stops well
 * before the iteration limit; a block that decodes still decodes; a lane's stop never changes another lane.
 */
class StallWindowTest {

    private static final int N = 4096;

    /** The CEO server's limit. */
    private static final int ITERATIONS = SlepianWolfDecoder.DEFAULT_MAX_ITERATIONS;

    /** Iterations without a new minimum of unsatisfied checks before a lane stops. */
    private static final int WINDOW = 8;

    /** Side information the code (1.25 h(0.05) syndrome bits) decodes easily. */
    private static final double EASY = 0.02;

    /** Side information far beyond the code: h(0.3) = 0.88 bits per bit against 0.36 sent. */
    private static final double HOPELESS = 0.3;

    @Test
    void failingLanesStopEarlyAndDecodableLanesAreUnchanged() {
        final int lanes = BatchFixedPointMinSumDecoder.lanes();
        final int m = (int) Math.ceil(1.25 * N * RateChoice.binaryEntropy(0.05));
        final LadderCode code = CodeCache.get(N, m, 3);
        final ParityCheckMatrix h = code.base();
        final SplittableRandom rnd = new SplittableRandom(5);
        final float[][] llr = new float[lanes][];
        final long[][] syn = new long[lanes][];
        final long[][] source = new long[lanes][];
        // lanes alternate easy, borderline (0.05: some converge late, some not) and hopeless blocks
        for (int j = 0; j < lanes; j++) {
            source[j] = TestSources.randomBlock(N, rnd);
            final double p = j % 3 == 0 ? EASY : j % 3 == 1 ? 0.05 : HOPELESS;
            llr[j] = TestSources.bscLlr(source[j], N, p, rnd);
            syn[j] = SyndromeEncoder.encode(code, source[j]);
        }
        final long[][] full = outputs(lanes);
        final BatchFixedPointMinSumDecoder engine = new BatchFixedPointMinSumDecoder();
        final int[] itsFull = engine.decode(h, llr, syn, ITERATIONS, full);
        final long[][] early = outputs(lanes);
        final int[] itsEarly = engine.decode(h, llr, syn, ITERATIONS, early, WINDOW);
        final int hopelessOnlyIterations = hopelessOnly(engine, h, llr, syn, lanes);
        for (int j = 0; j < lanes; j++) {
            if (itsEarly[j] > 0) {
                // a lane that converges under the rule converges exactly as without it
                assertEquals(itsFull[j], itsEarly[j], "lane " + j);
                assertArrayEquals(full[j], early[j], "lane " + j);
                assertArrayEquals(source[j], early[j], "lane " + j);
            }
            if (j % 3 == 0) {
                assertTrue(itsEarly[j] > 0, "easy lane " + j + " must decode");
            }
            if (j % 3 == 2) {
                assertEquals(-1, itsFull[j], "hopeless lane " + j);
                assertEquals(-1, itsEarly[j], "hopeless lane " + j);
            }
        }
        // hopeless blocks alone: every lane plateaus and the batch stops before the limit (31 of 60 at W = 8)
        assertTrue(hopelessOnlyIterations < ITERATIONS, hopelessOnlyIterations + " iterations");
    }

    private static int hopelessOnly(final BatchFixedPointMinSumDecoder engine, final ParityCheckMatrix h,
            final float[][] llr, final long[][] syn, final int lanes) {
        final float[][] l = new float[lanes][];
        final long[][] s = new long[lanes][];
        for (int j = 2; j < lanes; j += 3) {
            l[j] = llr[j];
            s[j] = syn[j];
        }
        final int[] its = engine.decode(h, l, s, ITERATIONS, outputs(lanes), WINDOW);
        for (int j = 0; j < lanes; j++) {
            assertEquals(-1, its[j], "lane " + j);
        }
        return (int) engine.lastIterations();
    }

    @Test
    void aStoppedBlockIsAFailureNeverASuccess() {
        final double p = 0.05;
        final LadderCode code = CodeCache.feedbackFree(N, RateChoice.binaryEntropy(p), RateChoice.bitDispersion(p), 5);
        final SplittableRandom rnd = new SplittableRandom(9);
        final int blocks = 3;
        final float[][] llr = new float[blocks][];
        final long[][] ladder = new long[blocks][];
        final int[] crc = new int[blocks];
        final long[][] source = new long[blocks][];
        for (int j = 0; j < blocks; j++) {
            source[j] = TestSources.randomBlock(N, rnd);
            llr[j] = TestSources.bscLlr(source[j], N, j == 1 ? HOPELESS : EASY, rnd);
            ladder[j] = SyndromeEncoder.encode(code, source[j]);
            crc[j] = SourceBlock.crc32c(source[j], N);
        }
        final BatchSlepianWolfDecoder.Outcome[] got = new BatchSlepianWolfDecoder(ITERATIONS, WINDOW)
                .decode(code, llr, ladder, code.maxSyndromeBits(), crc);
        assertTrue(got[0].ok() && got[2].ok());
        assertArrayEquals(source[0], got[0].result().bits());
        assertArrayEquals(source[2], got[2].result().bits());
        assertNull(got[1].result());
        assertEquals(DecodeFailure.Reason.NOT_CONVERGED, got[1].failure().reason());
        assertThrows(SyndromeCodingException.class, () -> new BatchSlepianWolfDecoder(ITERATIONS, -1));
    }

    private static long[][] outputs(final int lanes) {
        final long[][] out = new long[lanes][];
        for (int j = 0; j < lanes; j++) {
            out[j] = new long[SourceBlock.words(N)];
        }
        return out;
    }
}
