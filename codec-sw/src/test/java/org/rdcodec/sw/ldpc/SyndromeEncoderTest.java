package org.rdcodec.sw.ldpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SyndromeEncoderTest {

    @Test
    void columnEncoderMatchesRowReference() {
        final SplittableRandom rnd = new SplittableRandom(5);
        for (final int n : new int[] {2, 63, 64, 65, 1000, 4099}) {
            for (final double rate : new double[] {0.1, 0.5, 0.9}) {
                final int m = Math.max(1, (int) (rate * n));
                final ParityCheckMatrix h = PegBuilder.build(n, m, n);
                for (int trial = 0; trial < 3; trial++) {
                    final long[] x = TestSources.randomBlock(n, rnd);
                    assertArrayEquals(h.syndromeReference(x), SyndromeEncoder.syndrome(h, x), "n=" + n + " m=" + m);
                }
            }
        }
    }

    @Test
    void bitTransposeIsATranspose() {
        final SplittableRandom rnd = new SplittableRandom(4);
        final long[] a = new long[64];
        for (int i = 0; i < 64; i++) {
            a[i] = rnd.nextLong();
        }
        final long[] t = a.clone();
        BitSlicedSyndrome.transpose(t);
        for (int r = 0; r < 64; r++) {
            for (int k = 0; k < 64; k++) {
                assertEquals(a[k] >>> r & 1L, t[r] >>> k & 1L, "row " + r + " column " + k);
            }
        }
    }

    @Test
    void batchEncoderEqualsOneBlockAtATime() {
        final SplittableRandom rnd = new SplittableRandom(6);
        for (final int n : new int[] {2, 65, 1000, 4099}) {
            final int m = Math.max(1, n / 3);
            final LadderCode[] codes = {LadderCode.build(n, m, 2), LadderCode.of(PegBuilder.build(n, m, 3), Math.min(n, 2 * m), 4)};
            for (final LadderCode code : codes) {
                for (final int blocks : new int[] {1, 2, 63, 64}) {
                    final long[][] x = new long[blocks][];
                    for (int j = 0; j < blocks; j++) {
                        x[j] = TestSources.randomBlock(n, rnd);
                    }
                    final long[][] got = SyndromeEncoder.encodeBatch(code, x);
                    for (int j = 0; j < blocks; j++) {
                        assertArrayEquals(SyndromeEncoder.encode(code, x[j]), got[j], "n=" + n + " block " + j);
                    }
                }
            }
        }
        final LadderCode code = LadderCode.build(100, 50, 1);
        assertThrows(SyndromeCodingException.class, () -> SyndromeEncoder.encodeBatch(code, new long[0][]));
        assertThrows(SyndromeCodingException.class, () -> SyndromeEncoder.encodeBatch(code, new long[65][2]));
        assertThrows(SyndromeCodingException.class, () -> SyndromeEncoder.encodeBatch(code, new long[][] {new long[1]}));
    }

    @Test
    void segmentInputEqualsArrayInput() {
        final int n = 1000;
        final LadderCode code = LadderCode.build(n, 400, 9);
        final long[] x = TestSources.randomBlock(n, new SplittableRandom(2));
        try (Arena arena = Arena.ofConfined()) {
            final MemorySegment seg = arena.allocate(x.length * 8L);
            for (int i = 0; i < x.length; i++) {
                seg.set(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), i * 8L, x[i]);
            }
            assertArrayEquals(SyndromeEncoder.encode(code, x), SyndromeEncoder.encode(code, seg));
        }
    }

    @Test
    void rejectsBadBlocks() {
        final ParityCheckMatrix h = PegBuilder.build(100, 50, 1);
        assertThrows(SyndromeCodingException.class, () -> SyndromeEncoder.syndrome(h, new long[1]));
        final long[] dirty = new long[2];
        dirty[1] = 1L << 40;
        final SyndromeCodingException e = assertThrows(SyndromeCodingException.class,
                () -> SyndromeEncoder.syndrome(h, dirty));
        assertEquals(true, e.getMessage().contains("beyond n=100"));
        try (Arena arena = Arena.ofConfined()) {
            assertThrows(SyndromeCodingException.class,
                    () -> SyndromeEncoder.encode(LadderCode.build(100, 50, 1), arena.allocate(8)));
        }
    }
}
