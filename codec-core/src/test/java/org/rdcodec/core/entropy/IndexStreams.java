package org.rdcodec.core.entropy;

import java.util.SplittableRandom;

/** Seeded index streams shaped like quantizer output, shared by the entropy tests. */
final class IndexStreams {

    private IndexStreams() {
    }

    /** round(sigma * N(0,1)): a dithered/uniform scalar quantizer's indices for a Gaussian source. */
    static int[] gaussian(final int n, final double sigma, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = (int) Math.rint(sigma * r.nextGaussian());
        }
        return v;
    }

    /** Uniform on [lo, lo + width). */
    static int[] uniform(final int n, final int lo, final int width, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + r.nextInt(width);
        }
        return v;
    }

    /** Two-sided geometric (discrete Laplacian): P(|v| = a) proportional to q^a, random sign. */
    static int[] laplacian(final int n, final double q, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final int[] v = new int[n];
        final double logQ = Math.log(q);
        for (int i = 0; i < n; i++) {
            final int a = (int) Math.floor(Math.log(1.0 - r.nextDouble()) / logQ);
            v[i] = r.nextBoolean() ? a : -a;
        }
        return v;
    }

    /** Gaussian indices with a fraction of huge outliers anywhere in the int range. */
    static int[] gaussianWithOutliers(final int n, final double sigma, final double fraction, final long seed) {
        final int[] v = gaussian(n, sigma, seed);
        final SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < n; i++) {
            if (r.nextDouble() < fraction) {
                v[i] = r.nextInt();
            }
        }
        return v;
    }

    /** Arbitrary ints over the whole range. */
    static int[] anyInts(final int n, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt();
        }
        return v;
    }
}
