package org.rdcodec.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.rdcodec.core.buffer.GradientBuffer;

/** Distributed training against single-process training, on synthetic data (no download needed). */
class DistributedTrainingTest {

    private static final int K = 4;
    private static final int B = 16;
    private static final int ROUNDS = 5;
    private static final double LR = 0.05;

    /**
     * Float tolerance on any parameter after ROUNDS steps, relative to the largest |parameter|. The two runs
     * differ only in summation order: the union mean sums K*B = 64 per-example gradients at once, the distributed
     * one sums B = 16 per worker, takes the mean of the K means in double and rounds to float. Each gradient
     * coordinate then differs by at most ~(K*B + 2) u |g|_abs with u = 2^-24 (Higham's bound), i.e. ~4e-6 |g|; a
     * step moves a parameter by lr * (1 + momentum) |g| <~ 0.1 |g|, and 5 steps through a smooth 2-layer net keep the
     * accumulated difference below 5 * 0.1 * 4e-6 * (1 + Lipschitz growth) ~ 1e-6 of the weights' scale. 1e-5
     * leaves a ten-fold margin for the growth factor.
     */
    private static final double REL_TOL = 1e-5;

    static FashionMnist synthetic(final int n, final int features, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final byte[] px = new byte[n * features];
        final byte[] lab = new byte[n];
        for (int i = 0; i < n; i++) {
            lab[i] = (byte) r.nextInt(10);
            for (int j = 0; j < features; j++) {
                // Class-dependent pixels so that there is something to learn.
                px[i * features + j] = (byte) Math.min(255, r.nextInt(128) + (j % 10 == lab[i] ? 120 : 0));
            }
        }
        final LabeledImages d = new LabeledImages(n, features, px, lab, 10);
        return new FashionMnist(d, d.head(Math.min(n, 200)));
    }

    @Test
    void identityCodecEqualsSingleProcessTrainingOnTheUnionBatch() {
        final FashionMnist data = synthetic(800, 50, 3);
        final TrainConfig cfg = new TrainConfig(K, B, LR, 0.5, new int[] {20}, "identity", TrainConfig.Combine.AUTO, 7, 800, 100, 1000, 1000,
                200, ROUNDS, Double.NaN, Double.NaN);
        final long open = GradientBuffer.openCount();
        final float[] distributed;
        try (DistributedTrainer t = new DistributedTrainer(cfg, data)) {
            for (int r = 0; r < ROUNDS; r++) {
                final RoundRecord rec = t.round(r, false, false);
                assertEquals(32.0 * K * t.model().layout().totalSize(), rec.bits(), 64.0 * K * 16, "identity sends 32 bits a coordinate plus a header");
                assertEquals(0.0, rec.quantDistortion(), 1e-20, "lossless aggregation: xhat = ybar");
            }
            distributed = t.model().parameters().clone();
        }
        assertEquals(open, GradientBuffer.openCount(), "the trainer frees its buffers");
        final Mlp single = Mlp.create(cfg.layerSizes(50, 10), cfg.seed());
        final MomentumSgd sgd = new MomentumSgd(single.layout().totalSize(), LR, 0.5);
        final Shards shards = new Shards(800, K, B, cfg.seed());
        final int[] union = new int[K * B];
        final float[] g = new float[single.layout().totalSize()];
        for (int r = 0; r < ROUNDS; r++) {
            for (int k = 0; k < K; k++) {
                shards.nextBatch(k, B, union, k * B);
            }
            single.gradient(data.train(), union, 0, K * B, g);
            sgd.step(single.parameters(), g);
        }
        final float[] w = single.parameters();
        double maxAbs = 0;
        double maxDiff = 0;
        for (int i = 0; i < w.length; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(w[i]));
            maxDiff = Math.max(maxDiff, Math.abs(w[i] - distributed[i]));
        }
        assertTrue(maxDiff <= REL_TOL * maxAbs, "max |w_dist - w_single| = " + maxDiff + " vs " + REL_TOL + " * " + maxAbs);
        // The runs did move: the comparison is not between two copies of the initial weights.
        final float[] init = Mlp.create(cfg.layerSizes(50, 10), cfg.seed()).parameters();
        double moved = 0;
        for (int i = 0; i < w.length; i++) {
            moved = Math.max(moved, Math.abs(w[i] - init[i]));
        }
        assertTrue(moved > 100 * maxDiff, "moved " + moved + ", difference " + maxDiff);
    }

    @Test
    void shardsAreDisjointAndBatchesStayInTheirShard() {
        final Shards s = new Shards(1000, 4, 30, 5);
        assertEquals(250, s.shardSize());
        final List<java.util.Set<Integer>> seen = new java.util.ArrayList<>();
        for (int k = 0; k < 4; k++) {
            seen.add(new java.util.HashSet<>());
        }
        final int[] b = new int[30];
        for (int r = 0; r < 20; r++) {
            for (int k = 0; k < 4; k++) {
                s.nextBatch(k, 30, b, 0);
                for (final int i : b) {
                    seen.get(k).add(i);
                }
            }
        }
        for (int a = 0; a < 4; a++) {
            for (int c = a + 1; c < 4; c++) {
                for (final int i : seen.get(a)) {
                    assertTrue(!seen.get(c).contains(i), "example " + i + " in shards " + a + " and " + c);
                }
            }
        }
    }

    @Test
    void noiseModeHitsItsDistortion() {
        // rho = 3: each worker adds N(0, 3 sn2_hat) noise, so |xhat - ybar|^2 / P = rho sn2_hat / K in expectation.
        final FashionMnist data = synthetic(800, 50, 4);
        final TrainConfig cfg = new TrainConfig(K, B, LR, 0.5, new int[] {20}, "identity", TrainConfig.Combine.MEAN, 7, 800, 100, 1000, 1000,
                200, 3, Double.NaN, 3.0);
        try (DistributedTrainer t = new DistributedTrainer(cfg, data)) {
            final List<RoundRecord> rs = t.run(r -> { });
            for (final RoundRecord r : rs) {
                // Layer 0 (fc1.weight, 50 x 20 = 1000 coordinates): the mean of 1000 squared N(0, v) has relative
                // standard deviation sqrt(2/1000) = 0.045; 5 of them: 0.22.
                final double want = 3.0 * r.sn2EstPerLayer()[0] / K;
                assertEquals(want, r.quantDistortionPerLayer()[0], 5 * Math.sqrt(2.0 / 1000) * want, "round " + r.round());
                assertTrue(Double.isFinite(r.bits()) && r.bits() > 0, "noise mode reports Rsum bits");
            }
        }
    }
}
