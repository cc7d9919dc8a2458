package org.rdcodec.train;

import java.util.Arrays;

/**
 * Everything a training run depends on. The defaults follow the paper's MLP experiment: K = 10 workers,
 * local batches of 128, momentum 0.5, learning rate 0.01, a 784-256-128-10 network.
 *
 * @param workers K
 * @param batch local batch size B_k
 * @param learningRate eta
 * @param momentum heavy-ball momentum
 * @param hidden hidden layer widths
 * @param codec codec spec (see {@code rdc codecs}); ignored in noise mode
 * @param combine how the server combines the decoded gradients
 * @param seed seed of the initial weights, the shards, the batches, the codec dither and the noise
 * @param trainSize leading training examples used (the union of the shards)
 * @param refSize examples of the reference ("true") gradient: a fixed random subset of the training examples;
 *                at or above trainSize it is the full-batch gradient
 * @param statsEvery rounds between reference-gradient measurements (round 0 always)
 * @param evalEvery rounds between test-set evaluations (the last round always)
 * @param testSize leading test examples evaluated
 * @param maxRounds most rounds
 * @param targetAccuracy stop at the first evaluation whose test accuracy reaches this (NaN: never stop early)
 * @param rho noise mode when finite: no codec; each worker adds independent Gaussian noise so that the
 *            estimate's distortion is D(t) = sn2(t)(1 + rho)/K (the paper's Figure 8); NaN: codec mode
 */
public record TrainConfig(int workers, int batch, double learningRate, double momentum, int[] hidden, String codec, Combine combine,
        long seed, int trainSize, int refSize, int statsEvery, int evalEvery, int testSize, int maxRounds, double targetAccuracy, double rho) {

    /** How the server combines the K decoded gradients. */
    public enum Combine {
        /** plain mean for the identity codec and for biased codecs, inverse-variance weights for unbiased lossy codecs */
        AUTO,
        /** plain mean (the paper's sample-mean estimator) */
        MEAN,
        /** inverse-variance weights estimated from the decoded data (UnbiasedCombiner.combineWeighted) */
        WEIGHTED
    }

    /** @return the paper's setting with the given codec and 1000 rounds */
    public static TrainConfig defaults(final String codec) {
        return new TrainConfig(10, 128, 0.01, 0.5, new int[] {256, 128}, codec, Combine.AUTO, 1, 60000, 10000, 20, 20, 10000, 1000,
                Double.NaN, Double.NaN);
    }

    /** Validates the numbers. @throws IllegalArgumentException naming the first bad one */
    public TrainConfig {
        hidden = hidden.clone();
        require(workers >= 1, "workers must be >= 1: " + workers);
        require(batch >= 1, "batch must be >= 1: " + batch);
        require(trainSize >= workers * batch, "train size " + trainSize + " must hold K * batch = " + (long) workers * batch);
        require(refSize >= 1 && statsEvery >= 1 && evalEvery >= 1 && testSize >= 1 && maxRounds >= 1,
                "ref size, stats-every, eval-every, test size and rounds must be >= 1");
        require(Double.isNaN(targetAccuracy) || targetAccuracy > 0 && targetAccuracy <= 1, "target accuracy must be in (0, 1]: " + targetAccuracy);
        require(Double.isNaN(rho) || rho >= 0 && Double.isFinite(rho), "rho must be >= 0: " + rho);
        for (final int h : hidden) {
            require(h >= 1, "hidden widths must be >= 1: " + Arrays.toString(hidden));
        }
    }

    private static void require(final boolean ok, final String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** @return whether this is a noise-mode run (Figure 8) rather than a codec run */
    public boolean noiseMode() {
        return !Double.isNaN(rho);
    }

    /** @return a copy with other rounds and target */
    public TrainConfig withStop(final int rounds, final double target) {
        return new TrainConfig(workers, batch, learningRate, momentum, hidden, codec, combine, seed, trainSize, refSize, statsEvery, evalEvery,
                testSize, rounds, target, rho);
    }

    /** @return a copy with another codec (codec mode) */
    public TrainConfig withCodec(final String spec) {
        return new TrainConfig(workers, batch, learningRate, momentum, hidden, spec, combine, seed, trainSize, refSize, statsEvery, evalEvery,
                testSize, maxRounds, targetAccuracy, Double.NaN);
    }

    /** @return a copy in noise mode with this rho */
    public TrainConfig withRho(final double r) {
        return new TrainConfig(workers, batch, learningRate, momentum, hidden, codec, Combine.MEAN, seed, trainSize, refSize, statsEvery,
                evalEvery, testSize, maxRounds, targetAccuracy, r);
    }

    /** @return a copy with another combiner */
    public TrainConfig withCombine(final Combine c) {
        return new TrainConfig(workers, batch, learningRate, momentum, hidden, codec, c, seed, trainSize, refSize, statsEvery, evalEvery,
                testSize, maxRounds, targetAccuracy, rho);
    }

    /**
     * @param features input width
     * @param classes output width
     * @return the full layer sizes of the network
     */
    public int[] layerSizes(final int features, final int classes) {
        final int[] s = new int[hidden.length + 2];
        s[0] = features;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = classes;
        return s;
    }
}
