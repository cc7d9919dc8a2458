package org.rdcodec.transport;

import java.util.SplittableRandom;

import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.quant.Dither;

/**
 * Y_k = X + N_k with X and N_k i.i.d. Gaussians (N_k of unit variance, X of unit variance unless given) drawn from (seed, round) and (seed, round, worker), so
 * a worker process and the test compute the same gradients without talking.
 */
class SyntheticGradients implements GradientSource {

    private final int worker;
    private final long seed;
    private final double sx;

    SyntheticGradients(final int worker, final long seed) {
        this(worker, seed, 1);
    }

    /** With X of standard deviation sx (the CEO tests use sx2 = 10, sn2 = 1: strong side information). */
    SyntheticGradients(final int worker, final long seed, final double sx) {
        this.worker = worker;
        this.seed = seed;
        this.sx = sx;
    }

    @Override
    public void gradient(final long round, final GradientBuffer out) {
        final SplittableRandom x = new SplittableRandom(Dither.mix64(seed ^ Dither.mix64(round)));
        final SplittableRandom n = new SplittableRandom(Dither.mix64(seed ^ Dither.mix64(round * 1_000_003L + worker + 1)));
        for (int i = 0; i < out.length(); i++) {
            out.set(i, (float) (sx * x.nextGaussian() + n.nextGaussian()));
        }
    }
}
