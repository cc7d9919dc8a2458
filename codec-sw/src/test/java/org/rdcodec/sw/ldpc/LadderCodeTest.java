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
    void splitOrderIsAPermutation() {
        for (final int b : new int[] {1, 2, 3, 7, 64, 1000}) {
            final int[] order = LadderCode.bitReversalOrder(b);
            assertEquals(0, order[0]);
            final int[] sorted = order.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < b; i++) {
                assertEquals(i, sorted[i]);
            }
        }
    }

    @Test
    void everyPrefixIsTheSyndromeOfItsSplitCode() {
        final int n = 2000;
        final LadderCode code = LadderCode.build(n, 700, 1400, 4);
        final SplittableRandom rnd = new SplittableRandom(8);
        for (int trial = 0; trial < 3; trial++) {
            final long[] x = TestSources.randomBlock(n, rnd);
            final long[] ladder = SyndromeEncoder.encode(code, x);
            for (final int t : new int[] {700, 701, 702, 800, 1049, 1399, 1400}) {
                final ParityCheckMatrix h = code.matrixFor(t);
                assertEquals(t, h.m());
                assertEquals(code.base().edges(), h.edges(), "splitting keeps every edge");
                assertArrayEquals(h.syndromeReference(x), code.syndromeFor(ladder, t), "t=" + t);
            }
            assertArrayEquals(code.base().syndromeReference(x), code.syndromeFor(ladder, 700));
        }
        assertSame(code.base(), code.matrixFor(700));
    }

    @Test
    void feedbackFreeCodeSendsTheBaseSyndrome() {
        final int n = 1000;
        final LadderCode code = LadderCode.build(n, 400, 9);
        final long[] x = TestSources.randomBlock(n, new SplittableRandom(1));
        assertArrayEquals(code.base().syndromeReference(x), SyndromeEncoder.encode(code, x));
    }

    @Test
    void halvesPartitionEachBaseRow() {
        final LadderCode code = LadderCode.build(3000, 1000, 2000, 2);
        final ParityCheckMatrix b = code.base();
        final ParityCheckMatrix h = code.halves();
        for (int c = 0; c < b.m(); c++) {
            final int d = b.rowStart()[c + 1] - b.rowStart()[c];
            final int d0 = h.rowStart()[2 * c + 1] - h.rowStart()[2 * c];
            final int d1 = h.rowStart()[2 * c + 2] - h.rowStart()[2 * c + 1];
            assertEquals(d, d0 + d1);
            assertTrue(Math.abs(d0 - d1) <= 1, "halves differ by at most one variable");
        }
    }

    @Test
    void cacheReturnsTheSameCode() {
        assertSame(CodeCache.get(1024, 300, 77), CodeCache.get(1024, 300, 77));
        assertSame(CodeCache.get(1024, 300, 350, 77), CodeCache.get(1024, 300, 350, 77));
    }

    @Test
    void rejectsBadPrefixesAndShapes() {
        final LadderCode code = LadderCode.build(100, 40, 60, 1);
        assertThrows(SyndromeCodingException.class, () -> code.matrixFor(39));
        assertThrows(SyndromeCodingException.class, () -> code.matrixFor(61));
        assertThrows(SyndromeCodingException.class, () -> LadderCode.build(100, 101, 1));
        assertThrows(SyndromeCodingException.class, () -> LadderCode.build(100, 40, 81, 1));
        assertThrows(SyndromeCodingException.class, () -> LadderCode.build(100, 40, 39, 1));
    }
}
