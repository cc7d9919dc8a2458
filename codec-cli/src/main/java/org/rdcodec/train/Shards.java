package org.rdcodec.train;

import java.util.SplittableRandom;

/**
 * Splits the training examples {@code [0, n)} into K disjoint shards of equal size (a seeded random
 * permutation, cut in K pieces; the n mod K left-over examples are unused), and draws each worker's local
 * batches from its own shard: the shard is reshuffled at the start of every local epoch and read in
 * consecutive batches, so within an epoch no example repeats. Everything follows from the seed.
 */
public final class Shards {

    private final int[][] shard;
    private final SplittableRandom[] rng;
    private final int[] cursor;

    /**
     * @param n training examples
     * @param workers K
     * @param batch local batch size (at most n / K)
     * @param seed seed
     */
    public Shards(final int n, final int workers, final int batch, final long seed) {
        final int per = n / workers;
        if (per < batch) {
            throw new IllegalArgumentException("a shard of " + per + " examples cannot supply batches of " + batch);
        }
        final int[] perm = permutation(n, new SplittableRandom(seed ^ 0x5eed5eedL));
        shard = new int[workers][per];
        rng = new SplittableRandom[workers];
        cursor = new int[workers];
        for (int k = 0; k < workers; k++) {
            System.arraycopy(perm, k * per, shard[k], 0, per);
            rng[k] = new SplittableRandom(seed * 1_000_003L + k);
            cursor[k] = per; // forces a shuffle before the first batch
        }
    }

    /**
     * @param n size
     * @param rnd randomness
     * @return a uniformly random permutation of 0..n-1 (Fisher-Yates)
     */
    public static int[] permutation(final int n, final SplittableRandom rnd) {
        final int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, rnd);
        return p;
    }

    private static void shuffle(final int[] a, final SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            final int j = rnd.nextInt(i + 1);
            final int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** @return examples per shard */
    public int shardSize() {
        return shard[0].length;
    }

    /**
     * Worker k's next local batch.
     *
     * @param worker k
     * @param batch batch size
     * @param dst receives the example indices at {@code dst[offset .. offset + batch)}
     * @param offset first position written
     */
    public void nextBatch(final int worker, final int batch, final int[] dst, final int offset) {
        final int[] s = shard[worker];
        if (cursor[worker] + batch > s.length) {
            shuffle(s, rng[worker]);
            cursor[worker] = 0;
        }
        System.arraycopy(s, cursor[worker], dst, offset, batch);
        cursor[worker] += batch;
    }

    /**
     * The examples worker k's next batch is drawn from: those of its shard not yet drawn in the current local epoch (the
     * whole shard when the next call starts a new epoch). The shuffle is uniform, so given the batches drawn so far the next
     * batch is a uniform random subset of this set, and its mean gradient has this set's mean gradient as expectation.
     *
     * @param worker k
     * @param batch the batch size the next call will use
     * @return a fresh array of example indices
     */
    public int[] remaining(final int worker, final int batch) {
        final int[] s = shard[worker];
        final int from = cursor[worker] + batch > s.length ? 0 : cursor[worker];
        return java.util.Arrays.copyOfRange(s, from, s.length);
    }
}
