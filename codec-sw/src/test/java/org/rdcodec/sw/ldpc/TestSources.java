package org.rdcodec.sw.ldpc;

import java.util.SplittableRandom;

/** Random sources and BSC side information for tests. */
public final class TestSources {

    private TestSources() {
    }

    /**
     * @param n bits
     * @param rnd randomness
     * @return n uniform bits, packed, bits beyond n zero
     */
    public static long[] randomBlock(final int n, final SplittableRandom rnd) {
        final long[] w = new long[SourceBlock.words(n)];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextLong();
        }
        if ((n & 63) != 0) {
            w[w.length - 1] &= (1L << (n & 63)) - 1;
        }
        return w;
    }

    /**
     * LLRs of y = x xor z, z ~ Bernoulli(p): +-ln((1-p)/p).
     *
     * @param source packed source
     * @param n bits
     * @param p crossover probability
     * @param rnd randomness
     * @return the LLRs
     */
    public static float[] bscLlr(final long[] source, final int n, final double p, final SplittableRandom rnd) {
        final float mag = (float) Math.log((1 - p) / p);
        final float[] llr = new float[n];
        for (int i = 0; i < n; i++) {
            final long x = (source[i >>> 6] >>> i) & 1L;
            final long y = x ^ (rnd.nextDouble() < p ? 1L : 0L);
            llr[i] = y == 0 ? mag : -mag;
        }
        return llr;
    }
}
