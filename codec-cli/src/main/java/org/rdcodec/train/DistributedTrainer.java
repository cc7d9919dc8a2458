package org.rdcodec.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.agrona.concurrent.UnsafeBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Codecs;
import org.rdcodec.core.quant.GradientCodec;
import org.rdcodec.core.quant.GradientDecoder;
import org.rdcodec.core.quant.UnbiasedCombiner;
import org.rdcodec.core.quant.WorkerEncoder;
import org.rdcodec.core.theory.HomogeneousBounds;
import org.rdcodec.core.theory.InfeasibleTargetException;
import org.rdcodec.core.theory.WaterFilling;
import org.rdcodec.sw.ceo.CeoAggregator;
import org.rdcodec.sw.ceo.CeoRoundResult;
import org.rdcodec.sw.ceo.CeoSpec;

/**
 * K-worker data-parallel training of an {@link Mlp} with compressed aggregation. Every round each worker
 * computes the mean gradient y_k of a local batch from its shard; in codec mode it encodes y_k into a real frame,
 * the server decodes every frame and combines them ({@link TrainConfig.Combine}) into xhat; in noise mode each
 * worker instead adds independent Gaussian noise of per-layer variance rho * sn2_l(t) (sn2 estimated from the
 * round's gradients), so the mean has distortion (1 + rho) sn2(t) / K. The model steps on xhat with momentum SGD.
 *
 * <p>Measurement: every round, the bits of the frames, the quantization distortion |xhat - ybar|^2 and
 * reference-free estimates of sx2 and sn2; every {@code statsEvery} rounds, the reference gradient g (the
 * full-batch gradient over a fixed random subset of {@code refSize} training examples, or over all of them) and
 * from it sx2_l, sn2_{k,l}, D_l = |xhat - g|^2 per layer, and Rsum, Rin at those D_l; every {@code evalEvery}
 * rounds, loss and accuracy on the test set. Single-threaded (the machine is shared).
 */
public final class DistributedTrainer implements AutoCloseable {

    private final TrainConfig cfg;
    private final LabeledImages train;
    private final LabeledImages test;
    private final Mlp mlp;
    private final GradientLayout layout;
    private final int p;
    private final int k;
    private final MomentumSgd sgd;
    private final Shards shards;
    private final int[] refIdx;
    private final GradientCodec codec;
    /** The multi-worker CEO codec (codec-sw) when the spec is {@code ceo:...}; then {@link #codec} is null. */
    private final CeoAggregator ceo;
    private final boolean weighted;
    private final WorkerEncoder[] encoders;
    private final GradientDecoder decoder;
    private final UnsafeBuffer[] frames;
    private final int[] frameLengths;
    private final GradientBuffer[] y;
    private final GradientBuffer[] decoded;
    private final GradientBuffer estimate;
    private final float[][] grads;
    private final float[] xhat;
    private final float[] ybar;
    private final float[] ref;
    private final int[] batchIdx;
    private final SplittableRandom noise;

    /**
     * @param cfg the run's configuration
     * @param data the data set
     */
    public DistributedTrainer(final TrainConfig cfg, final FashionMnist data) {
        this.cfg = cfg;
        this.train = cfg.trainSize() >= data.train().count() ? data.train() : data.train().head(cfg.trainSize());
        this.test = cfg.testSize() >= data.test().count() ? data.test() : data.test().head(cfg.testSize());
        this.mlp = Mlp.create(cfg.layerSizes(train.features(), train.classes()), cfg.seed());
        this.layout = mlp.layout();
        this.p = layout.totalSize();
        this.k = cfg.workers();
        this.sgd = new MomentumSgd(p, cfg.learningRate(), cfg.momentum());
        this.shards = new Shards(train.count(), k, cfg.batch(), cfg.seed());
        final int[] perm = Shards.permutation(train.count(), new SplittableRandom(cfg.seed() ^ 0x7ef7ef7eL));
        this.refIdx = java.util.Arrays.copyOf(perm, Math.min(cfg.refSize(), train.count()));
        final boolean ceoSpec = !cfg.noiseMode() && CeoSpec.matches(cfg.codec());
        this.ceo = ceoSpec ? new CeoAggregator(layout, k, cfg.seed(), CeoSpec.parse(cfg.codec())) : null;
        this.codec = cfg.noiseMode() || ceoSpec ? null : Codecs.create(cfg.codec());
        this.weighted = switch (cfg.combine()) {
            case MEAN -> false;
            case WEIGHTED -> true;
            case AUTO -> codec != null && codec.unbiased() && !"identity".equals(codec.spec().name());
        };
        this.encoders = new WorkerEncoder[k];
        this.frames = new UnsafeBuffer[k];
        this.frameLengths = new int[k];
        this.y = new GradientBuffer[k];
        this.decoded = new GradientBuffer[k];
        this.grads = new float[k][p];
        boolean ok = false;
        try {
            for (int j = 0; j < k; j++) {
                y[j] = GradientBuffer.allocate(p);
                decoded[j] = GradientBuffer.allocate(p);
                if (codec != null) {
                    encoders[j] = codec.newEncoder(layout, j, cfg.seed());
                    frames[j] = new UnsafeBuffer(new byte[encoders[j].maxFrameBytes()]);
                }
            }
            this.estimate = GradientBuffer.allocate(p);
            ok = true;
        } finally {
            if (!ok) {
                close();
            }
        }
        this.decoder = codec == null ? null : codec.newDecoder(layout, cfg.seed());
        this.xhat = new float[p];
        this.ybar = new float[p];
        this.ref = new float[p];
        this.batchIdx = new int[cfg.batch()];
        this.noise = new SplittableRandom(cfg.seed() ^ 0x0153L);
    }

    /** @return the network being trained */
    public Mlp model() {
        return mlp;
    }

    /** @return whether the server uses inverse-variance weights (else the plain mean) */
    public boolean weightedCombination() {
        return weighted;
    }

    /** @return the number of examples of the reference gradient */
    public int referenceSize() {
        return refIdx.length;
    }

    /**
     * @param worker k
     * @return worker k's uncompressed gradient of the last round (live array; for tests and diagnostics)
     */
    float[] workerGradient(final int worker) {
        return grads[worker];
    }

    /** @return the shards the workers draw from */
    public Shards shards() {
        return shards;
    }

    /**
     * Trains until the round limit or the target accuracy.
     *
     * @param onRound called after every round
     * @return every round's record
     */
    public List<RoundRecord> run(final Consumer<RoundRecord> onRound) {
        final List<RoundRecord> out = new ArrayList<>();
        for (int t = 0; t < cfg.maxRounds(); t++) {
            final boolean last = t == cfg.maxRounds() - 1;
            final RoundRecord r = round(t, t % cfg.statsEvery() == 0, last || (t + 1) % cfg.evalEvery() == 0);
            out.add(r);
            onRound.accept(r);
            if (r.hasEval() && !Double.isNaN(cfg.targetAccuracy()) && r.testAccuracy() >= cfg.targetAccuracy()) {
                break;
            }
        }
        return out;
    }

    /**
     * One round: worker gradients, compression, aggregation, measurement, step, evaluation.
     *
     * @param t round index
     * @param stats whether to measure against the reference gradient
     * @param eval whether to evaluate on the test set after the step
     * @return the round's record
     */
    public RoundRecord round(final int t, final boolean stats, final boolean eval) {
        final long t0 = System.nanoTime();
        double trainLoss = 0;
        for (int j = 0; j < k; j++) {
            shards.nextBatch(j, cfg.batch(), batchIdx, 0);
            trainLoss += mlp.gradient(train, batchIdx, 0, cfg.batch(), grads[j]) / k;
        }
        final long t1 = System.nanoTime();
        meanOf(grads, ybar);
        final int layers = layout.layerCount();
        final double[] sn2EstL = new double[layers];
        final double[] sx2EstL = new double[layers];
        estimateMoments(sn2EstL, sx2EstL);
        double bits;
        final long t2 = System.nanoTime();
        if (ceo != null) {
            // the CEO codec plans from its own statistics of earlier rounds' decoded data, codes every worker,
            // decodes in order with side information and combines with weights fixed before the data
            final CeoRoundResult r = ceo.round(t, grads);
            System.arraycopy(r.estimate(), 0, xhat, 0, p);
            bits = r.totalBits();
        } else if (codec != null) {
            long bytes = 0;
            for (int j = 0; j < k; j++) {
                y[j].copyFrom(grads[j]);
                frameLengths[j] = encoders[j].encode(y[j], t, frames[j], 0, frames[j].capacity());
                bytes += frameLengths[j];
            }
            for (int j = 0; j < k; j++) {
                decoder.decode(frames[j], 0, frameLengths[j], decoded[j]);
            }
            if (weighted) {
                UnbiasedCombiner.combineWeighted(layout, decoded, estimate);
            } else {
                UnbiasedCombiner.combineMean(layout, decoded, estimate);
            }
            estimate.copyTo(0, xhat, 0, p);
            bits = bytes * 8.0;
        } else {
            addNoise(sn2EstL);
            bits = noiseModeSumRate(sn2EstL, sx2EstL);
        }
        final long t3 = System.nanoTime();
        final double[] dqL = new double[layers];
        for (int l = 0; l < layers; l++) {
            double s = 0;
            for (int i = layout.offset(l); i < layout.offset(l + 1); i++) {
                final double e = xhat[i] - ybar[i];
                s += e * e;
            }
            dqL[l] = s / layout.size(l);
        }
        RoundStats st = null;
        if (stats) {
            java.util.Arrays.fill(ref, 0f);
            mlp.accumulateGradient(train, refIdx, 0, refIdx.length, 1f / refIdx.length, ref);
            st = referenceStats();
        }
        sgd.step(mlp.parameters(), xhat);
        final long t4 = System.nanoTime();
        Mlp.Evaluation ev = null;
        if (eval) {
            ev = mlp.evaluate(test, 0, test.count());
        }
        final long t5 = System.nanoTime();
        final double nan = Double.NaN;
        return new RoundRecord(t, trainLoss, bits, bits / p, weightedMean(dqL), weightedMean(sx2EstL), weightedMean(sn2EstL),
                st == null ? nan : weightedMean(st.sx2), st == null ? nan : weightedMean(st.sn2), st == null ? nan : weightedMean(st.d),
                st == null ? nan : weightedMean(st.d0), st == null ? nan : st.rsumBits, st == null ? nan : st.rinBits,
                (double) k * p, st == null ? nan : weightedMean(st.dSign), st == null ? nan : st.rsumSignBits, st == null ? nan : st.rinSignBits,
                st == null ? nan : st.rsumHomBits, st == null ? nan : st.rsumHomSignBits,
                ev == null ? nan : ev.loss(), ev == null ? nan : ev.accuracy(), (t1 - t0) * 1e-9, (t3 - t2) * 1e-9,
                ((t2 - t1) + (t4 - t3)) * 1e-9, (t5 - t4) * 1e-9,
                st == null ? null : st.sx2, st == null ? null : st.sn2, st == null ? null : st.sn2k, st == null ? null : st.d, dqL, sn2EstL);
    }

    private static void meanOf(final float[][] g, final float[] out) {
        final int n = out.length;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (final float[] row : g) {
                s += row[i];
            }
            out[i] = (float) (s / g.length);
        }
    }

    /** sn2: across-worker sample variance per coordinate (unbiased, 1/(K-1)); sx2: mean ybar^2 - sn2/K, floored at 0. */
    private void estimateMoments(final double[] sn2L, final double[] sx2L) {
        for (int l = 0; l < layout.layerCount(); l++) {
            double v = 0;
            double m2 = 0;
            for (int i = layout.offset(l); i < layout.offset(l + 1); i++) {
                final double mean = ybar[i];
                m2 += mean * mean;
                for (int j = 0; j < k; j++) {
                    final double d = grads[j][i] - mean;
                    v += d * d;
                }
            }
            final int n = layout.size(l);
            sn2L[l] = k > 1 ? v / ((double) (k - 1) * n) : Double.NaN;
            sx2L[l] = k > 1 ? Math.max(0, m2 / n - sn2L[l] / k) : Double.NaN;
        }
    }

    /**
     * Adds to the mean of the workers' gradients the mean of K independent N(0, rho sn2_l) noises, drawn directly
     * as one N(0, rho sn2_l / K) per coordinate: the same distribution as K draws averaged, at a tenth of the
     * Gaussian draws (they were a third of a noise-mode round).
     */
    private void addNoise(final double[] sn2L) {
        for (int l = 0; l < layout.layerCount(); l++) {
            final double sd = Math.sqrt(cfg.rho() * sn2L[l] / k);
            for (int i = layout.offset(l); i < layout.offset(l + 1); i++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += grads[j][i];
                }
                xhat[i] = (float) (s / k + sd * noise.nextGaussian());
            }
        }
    }

    /** Noise mode "bits": Rsum at D_l = (1 + rho) sn2_l / K from the per-round estimates (NaN at rho = 0: lossless needs infinite rate). */
    private double noiseModeSumRate(final double[] sn2L, final double[] sx2L) {
        double bits = 0;
        for (int l = 0; l < layout.layerCount(); l++) {
            final double d = (1 + cfg.rho()) * sn2L[l] / k;
            if (!(cfg.rho() > 0) || !(sn2L[l] > 0)) {
                return Double.NaN;
            }
            // The sx2 estimate is floored at 0; its term 1/2 log2(1 + sx2/D) is then 0, which MIN_NORMAL reproduces
            // to double precision while keeping the library's sx2 > 0 check.
            bits += HomogeneousBounds.sumRate(k, Math.max(sx2L[l], Double.MIN_NORMAL), sn2L[l], d) * layout.size(l);
        }
        return bits;
    }

    private double weightedMean(final double[] perLayer) {
        double s = 0;
        for (int l = 0; l < perLayer.length; l++) {
            s += perLayer[l] * layout.size(l);
        }
        return s / p;
    }

    /** Per-layer statistics against the reference gradient. */
    private record RoundStats(double[] sx2, double[] sn2, double[][] sn2k, double[] d, double[] d0, double[] dSign, double rsumBits,
            double rinBits, double rsumSignBits, double rinSignBits, double rsumHomBits, double rsumHomSignBits) {
    }

    private RoundStats referenceStats() {
        final int layers = layout.layerCount();
        final double[] sx2 = new double[layers];
        final double[] sn2 = new double[layers];
        final double[][] sn2k = new double[k][layers];
        final double[] d = new double[layers];
        final double[] d0 = new double[layers];
        final double[] dSign = new double[layers];
        double rsum = 0;
        double rin = 0;
        double rsumSign = 0;
        double rinSign = 0;
        double rsumHom = 0;
        double rsumHomSign = 0;
        for (int l = 0; l < layers; l++) {
            final int from = layout.offset(l);
            final int to = layout.offset(l + 1);
            final int n = layout.size(l);
            double gx = 0;
            double e = 0;
            double e0 = 0;
            for (int i = from; i < to; i++) {
                final double g = ref[i];
                gx += g * g;
                e += (xhat[i] - g) * (xhat[i] - g);
                e0 += (ybar[i] - g) * (ybar[i] - g);
            }
            sx2[l] = gx / n;
            d[l] = e / n;
            d0[l] = e0 / n;
            final double[] noiseK = new double[k];
            for (int j = 0; j < k; j++) {
                double s = 0;
                final float[] gj = grads[j];
                for (int i = from; i < to; i++) {
                    final double v = gj[i] - ref[i];
                    s += v * v;
                }
                noiseK[j] = s / n;
                sn2k[j][l] = noiseK[j];
                sn2[l] += noiseK[j] / k;
            }
            dSign[l] = sx2[l] > 0 && sn2[l] > 0 ? HomogeneousBounds.signDistortion(k, sx2[l], sn2[l]) : Double.NaN;
            rsum += n * rsumLayer(noiseK, sx2[l], d[l]);
            rin += n * rinLayer(sn2[l], sx2[l], d[l]);
            rsumSign += n * rsumLayer(noiseK, sx2[l], dSign[l]);
            rinSign += n * rinLayer(sn2[l], sx2[l], dSign[l]);
            rsumHom += n * rsumHomLayer(sn2[l], sx2[l], d[l]);
            rsumHomSign += n * rsumHomLayer(sn2[l], sx2[l], dSign[l]);
        }
        return new RoundStats(sx2, sn2, sn2k, d, d0, dSign, rsum, rin, rsumSign, rinSign, rsumHom, rsumHomSign);
    }

    /** Rsum of one layer (bits per coordinate, all workers) by water-filling over the workers' own noise levels. */
    private static double rsumLayer(final double[] sn2k, final double sx2, final double d) {
        if (!(sx2 > 0) || !(d > 0)) {
            return Double.NaN;
        }
        for (final double s : sn2k) {
            if (!(s > 0)) {
                return Double.NaN;
            }
        }
        try {
            return WaterFilling.solve(sn2k, sx2, d).sumRate();
        } catch (final InfeasibleTargetException e) {
            return Double.NaN; // a biased codec can land below the least unbiased distortion
        }
    }

    /** Rsum of one layer with the workers' mean noise level (Corollary 2): compared with Rin it isolates the correlation gain. */
    private double rsumHomLayer(final double sn2, final double sx2, final double d) {
        if (!(sx2 > 0) || !(sn2 > 0) || !(d > HomogeneousBounds.minDistortion(k, sn2))) {
            return Double.NaN;
        }
        return HomogeneousBounds.sumRate(k, sx2, sn2, d);
    }

    /** Rin of one layer with the workers' mean noise level (Corollary 2 is for homogeneous workers). */
    private double rinLayer(final double sn2, final double sx2, final double d) {
        if (!(sx2 > 0) || !(sn2 > 0) || !(d > HomogeneousBounds.minDistortion(k, sn2))) {
            return Double.NaN;
        }
        return HomogeneousBounds.independentRate(k, sx2, sn2, d);
    }

    @Override
    public void close() {
        for (int j = 0; j < k; j++) {
            if (encoders[j] != null) {
                encoders[j].close();
                encoders[j] = null;
            }
            if (y[j] != null) {
                y[j].close();
                y[j] = null;
            }
            if (decoded[j] != null) {
                decoded[j].close();
                decoded[j] = null;
            }
        }
        if (estimate != null && !estimate.isClosed()) {
            estimate.close();
        }
    }
}
