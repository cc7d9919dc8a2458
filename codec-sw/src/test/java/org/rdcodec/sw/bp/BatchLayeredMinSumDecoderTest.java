package org.rdcodec.sw.bp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.rdcodec.sw.ldpc.CodeCache;
import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.ParityCheckMatrix;
import org.rdcodec.sw.ldpc.RateChoice;
import org.rdcodec.sw.ldpc.SyndromeCodingException;
import org.rdcodec.sw.ldpc.SyndromeEncoder;
import org.rdcodec.sw.ldpc.TestSources;

/** The vector batch decoder gives, block by block, exactly the scalar layered min-sum result. */
class BatchLayeredMinSumDecoderTest {

    @Test
    void everyLaneEqualsTheScalarDecoder() {
        final int lanes = BatchLayeredMinSumDecoder.lanes();
        for (final int n : new int[] {1, 2, 1000, 4099}) {
            for (final double p : new double[] {0.02, 0.11}) {
                final int m = Math.max(1, Math.min(n, (int) Math.ceil(1.25 * n * RateChoice.binaryEntropy(p))));
                if (n < 2) {
                    continue;
                }
                final LadderCode code = CodeCache.get(n, m, 3);
                final ParityCheckMatrix h = code.base();
                final SplittableRandom rnd = new SplittableRandom(n + (long) (p * 100));
                final float[][] llr = new float[lanes][];
                final long[][] syn = new long[lanes][];
                final long[][] out = new long[lanes][(n + 63) >>> 6];
                // lanes - 1 blocks and one empty lane, an awkward batch
                for (int j = 0; j < lanes - 1; j++) {
                    final long[] x = TestSources.randomBlock(n, rnd);
                    llr[j] = TestSources.bscLlr(x, n, j % 3 == 2 ? 0.3 : p, rnd);
                    syn[j] = SyndromeEncoder.encode(code, x);
                }
                syn[lanes - 1] = new long[(m + 63) >>> 6];
                final int[] its = new BatchLayeredMinSumDecoder().decode(h, llr, syn, 30, out);
                final LayeredMinSumDecoder scalar = new LayeredMinSumDecoder();
                for (int j = 0; j < lanes - 1; j++) {
                    final long[] expected = new long[(n + 63) >>> 6];
                    final int it = scalar.decode(h, llr[j], syn[j], 30, expected);
                    assertEquals(it, its[j], "iterations, lane " + j + " n=" + n + " p=" + p);
                    assertArrayEquals(expected, out[j], "bits, lane " + j + " n=" + n + " p=" + p);
                }
                assertEquals(-1, its[lanes - 1]);
            }
        }
    }

    @Test
    void rejectsWrongBatchSize() {
        final ParityCheckMatrix h = CodeCache.get(100, 50, 1).base();
        assertThrows(SyndromeCodingException.class,
                () -> new BatchLayeredMinSumDecoder().decode(h, new float[1][], new long[1][], 10, new long[1][]));
    }
}
