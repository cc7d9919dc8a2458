package org.rdcodec.sw.ldpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LadderCodeTest {

    @Test
    void ladderOrderIsAPermutationStartingAtTheEnd() {
        for (final int m : new int[] {1, 2, 3, 7, 64, 1000}) {
            final int[] order = LadderCode.ladderOrder(m);
            assertEquals(m - 1, order[0]);
            final int[] sorted = order.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < m; i++) {
                assertEquals(i, sorted[i]);
            }
        }
    }

    @Test
    void everyPrefixIsTheSyndromeOfItsMergedCode() {
        final int n = 2000;
        final LadderCode code = LadderCode.build(n, 900, 4);
        final SplittableRandom rnd = new SplittableRandom(8);
        for (int trial = 0; trial < 3; trial++) {
            final long[] x = TestSources.randomBlock(n, rnd);
            final long[] ladder = SyndromeEncoder.encode(code, x);
            for (final int t : new int[] {1, 2, 3, 100, 450, 451, 777, 899, 900}) {
                final ParityCheckMatrix h = code.matrixFor(t);
                assertEquals(t, h.m());
                assertArrayEquals(h.syndromeReference(x), code.syndromeFor(ladder, t), "t=" + t);
            }
        }
        assertSame(code.base(), code.matrixFor(900));
    }

    @Test
    void segmentsAreEvenlySpread() {
        final LadderCode code = LadderCode.build(4096, 2048, 4);
        for (final int t : new int[] {256, 1000, 1500}) {
            final int[] ends = code.segmentEnds(t);
            int prev = -1;
            int longest = 0;
            for (final int q : ends) {
                longest = Math.max(longest, q - prev);
                prev = q;
            }
            // bit-reversal order: after t bits no segment is longer than the power-of-two spacing below M/t, doubled
            assertTrue(longest <= 2 * Math.ceil(2048.0 / t), "t=" + t + " longest segment " + longest);
        }
    }

    @Test
    void cacheReturnsTheSameCode() {
        assertSame(CodeCache.get(1024, 300, 77), CodeCache.get(1024, 300, 77));
    }

    @Test
    void rejectsBadPrefixes() {
        final LadderCode code = LadderCode.build(100, 40, 1);
        assertThrows(SyndromeCodingException.class, () -> code.matrixFor(0));
        assertThrows(SyndromeCodingException.class, () -> code.matrixFor(41));
        assertThrows(SyndromeCodingException.class, () -> LadderCode.build(100, 101, 1));
    }
}
