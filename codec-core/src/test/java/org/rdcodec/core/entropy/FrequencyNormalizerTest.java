package org.rdcodec.core.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FrequencyNormalizerTest {

    /**
     * Relative tolerance between the normaliser's cost and the exhaustive optimum: both are sums of at most a
     * few terms c log f evaluated in double, so they agree to ~1e-15 relative when the frequencies are equally
     * good; 1e-12 leaves room for summation order and still catches any unit of mass in the wrong place
     * (which changes the cost by at least c / f^2 / ln 2, far above 1e-12 of the total here).
     */
    private static final double COST_TOLERANCE = 1e-12;

    private final FrequencyNormalizer normalizer = new FrequencyNormalizer();

    private static double cost(final long[] counts, final int[] freqs, final int k, final int precisionBits) {
        double bits = 0;
        for (int i = 0; i < k; i++) {
            if (counts[i] > 0) {
                bits += counts[i] * (precisionBits - Math.log(freqs[i]) / Math.log(2));
            }
        }
        return bits;
    }

    @Test
    void matchesExhaustiveOptimumOnThreeSymbols() {
        final SplittableRandom r = new SplittableRandom(60);
        final int precisionBits = 11;
        final int total = 1 << precisionBits;
        final int[] freqs = new int[3];
        final double[] log2 = new double[total + 1];
        for (int f = 1; f <= total; f++) {
            log2[f] = Math.log(f) / Math.log(2);
        }
        for (int trial = 0; trial < 40; trial++) {
            // Skewed counts: one dominant symbol and rare ones, where rounding and the floor at 1 matter.
            final long[] counts = {1 + r.nextInt(100_000), r.nextInt(30), 1 + r.nextInt(3000)};
            normalizer.normalize(counts, 3, precisionBits, freqs);
            assertEquals(total, freqs[0] + freqs[1] + freqs[2]);
            for (int i = 0; i < 3; i++) {
                assertEquals(counts[i] == 0, freqs[i] == 0, "symbol " + i + " present iff frequency > 0");
            }
            double best = Double.POSITIVE_INFINITY;
            final int lo1 = counts[1] > 0 ? 1 : 0;
            final int hi1 = counts[1] > 0 ? total - 2 : 0;
            for (int f0 = 1; f0 <= total - 2; f0++) {
                for (int f1 = lo1; f1 <= hi1 && f0 + f1 <= total - 1; f1++) {
                    final double bits = -counts[0] * log2[f0] - counts[1] * log2[f1] - counts[2] * log2[total - f0 - f1];
                    best = Math.min(best, bits);
                }
            }
            best += (counts[0] + counts[1] + counts[2]) * (double) precisionBits;
            final double got = cost(counts, freqs, 3, precisionBits);
            assertTrue(got <= best * (1 + COST_TOLERANCE), "trial " + trial + ": " + got + " vs optimum " + best);
        }
    }

    @Test
    void everyPresentSymbolGetsAtLeastOneSlot() {
        final int k = 1025;
        final long[] counts = new long[k];
        counts[0] = 1L << 40;
        for (int i = 1; i < k; i += 2) {
            counts[i] = 1;
        }
        final int[] freqs = new int[k];
        normalizer.normalize(counts, k, 11, freqs);
        long sum = 0;
        for (int i = 0; i < k; i++) {
            sum += freqs[i];
            assertEquals(counts[i] > 0, freqs[i] > 0, "symbol " + i);
        }
        assertEquals(1 << 11, sum);
    }

    @Test
    void singleSymbolTakesTheWholeRange() {
        final long[] counts = {0, 0, 7, 0};
        final int[] freqs = new int[4];
        normalizer.normalize(counts, 4, 12, freqs);
        assertEquals(1 << 12, freqs[2]);
    }
}
