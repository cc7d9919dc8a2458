package org.rdcodec.sw.bp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.rdcodec.sw.ldpc.CodeCache;
import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.ParityCheckMatrix;
import org.rdcodec.sw.ldpc.RateChoice;
import org.rdcodec.sw.ldpc.SyndromeEncoder;
import org.rdcodec.sw.ldpc.TestSources;

/** Rows padded with phantom edges decode bit for bit like the rows as they are. */
class RowLayoutTest {

    @Test
    void paddedRowsDecodeExactlyLikeTheMatrixRows() {
        int paddedCases = 0;
        for (final int n : new int[] {2, 1000, 4099}) {
            for (final double p : new double[] {0.02, 0.11, 0.2}) {
                final int m = Math.max(1, Math.min(n, (int) Math.ceil(1.2 * n * RateChoice.binaryEntropy(p))));
                final LadderCode code = CodeCache.get(n, m, 5);
                final SplittableRandom rnd = new SplittableRandom(n * 31L + (long) (p * 1000));
                // the base code (near-regular rows: padded) and a split-ladder prefix (rows of d and d/2)
                for (final ParityCheckMatrix h : new ParityCheckMatrix[] {code.base(),
                    LadderCode.build(n, (m + 1) / 2, m, 9).matrixFor(m)}) {
                    for (final LayeredMinSumDecoder[] pair : new LayeredMinSumDecoder[][] {
                        {new LayeredMinSumDecoder(), new LayeredMinSumDecoder().unpadded()},
                        {new LayeredMinSumDecoder(1f, 0.15f), new LayeredMinSumDecoder(1f, 0.15f).unpadded()}}) {
                        for (int block = 0; block < 3; block++) {
                            final long[] x = TestSources.randomBlock(n, rnd);
                            // block 2 is too noisy to converge: failures must match too
                            final float[] llr = TestSources.bscLlr(x, n, block == 2 ? 0.4 : p, rnd);
                            final long[] syn = h == code.base() ? SyndromeEncoder.encode(code, x)
                                    : h.syndromeReference(x);
                            final long[] fast = new long[(n + 63) >>> 6];
                            final long[] plain = new long[fast.length];
                            final int itFast = pair[0].decode(h, llr, syn, 25, fast);
                            final int itPlain = pair[1].decode(h, llr, syn, 25, plain);
                            final String where = "n=" + n + " p=" + p + " block " + block + " " + pair[0].name();
                            assertEquals(itPlain, itFast, "iterations, " + where);
                            assertEquals(pair[1].lastIterations(), pair[0].lastIterations(), where);
                            assertArrayEquals(plain, fast, "bits, " + where);
                            assertFalse(pair[1].lastLayoutPadded());
                            paddedCases += pair[0].lastLayoutPadded() ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertTrue(paddedCases > 0, "no case exercised padding");
    }
}
