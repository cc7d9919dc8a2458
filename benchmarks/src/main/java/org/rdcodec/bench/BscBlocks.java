package org.rdcodec.bench;

import java.util.SplittableRandom;

import org.rdcodec.sw.ldpc.RateChoice;

/** Sources and BSC side information for the decoder suites. */
final class BscBlocks {

    private BscBlocks() {
    }

    /**
     * The crossover p in (0, 1/2) with h(p) = entropy, by 60 bisection steps.
     *
     * @param entropy target binary entropy in bits, in (0, 1)
     * @return p
     */
    static double crossoverFor(final double entropy) {
        double lo = 1e-6;
        double hi = 0.5;
        for (int i = 0; i < 60; i++) {
            final double mid = 0.5 * (lo + hi);
            if (RateChoice.binaryEntropy(mid) < entropy) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A uniform source block of n bits and the LLRs of its BSC(p) observation.
     *
     * @param n block length
     * @param p crossover probability
     * @param rnd random source
     * @param llr out: n LLRs, +-ln((1 - p) / p)
     * @return the source, bit i in bit i % 64 of word i / 64
     */
    static long[] sourceWithSideInformation(final int n, final double p, final SplittableRandom rnd, final float[] llr) {
        final long[] x = new long[(n + 63) >>> 6];
        for (int w = 0; w < x.length; w++) {
            x[w] = rnd.nextLong();
        }
        final float mag = (float) Math.log((1 - p) / p);
        for (int i = 0; i < n; i++) {
            final long b = (x[i >>> 6] >>> i) & 1L;
            llr[i] = (b ^ (rnd.nextDouble() < p ? 1L : 0L)) == 0 ? mag : -mag;
        }
        return x;
    }
}
