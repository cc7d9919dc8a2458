package org.rdcodec.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The end-of-run figures of a training run, all computed from its {@link RoundRecord}s. */
public final class TrainSummary {

    private TrainSummary() {
    }

    /**
     * @param cfg the configuration
     * @param trainer the trainer (for the model shape and the combiner used)
     * @param rs the rounds
     * @param wallSeconds wall-clock time of the run
     * @return the summary as an ordered map (JSON-ready)
     */
    public static Map<String, Object> of(final TrainConfig cfg, final DistributedTrainer trainer, final List<RoundRecord> rs,
            final double wallSeconds) {
        final Map<String, Object> m = new LinkedHashMap<>();
        final int p = trainer.model().layout().totalSize();
        m.put("codec", cfg.noiseMode() ? "gaussian-noise:rho=" + cfg.rho() : cfg.codec());
        m.put("workers", cfg.workers());
        m.put("batch", cfg.batch());
        m.put("learningRate", cfg.learningRate());
        m.put("momentum", cfg.momentum());
        m.put("layerSizes", trainer.model().sizes());
        m.put("parameters", p);
        m.put("combine", trainer.weightedCombination() ? "weighted" : "mean");
        m.put("seed", cfg.seed());
        m.put("trainExamples", Math.min(cfg.trainSize(), Integer.MAX_VALUE));
        m.put("reference", trainer.referenceSize() >= cfg.trainSize() ? "full-batch gradient over all " + trainer.referenceSize()
                + " training examples" : "full-batch gradient over a fixed random subset of " + trainer.referenceSize() + " training examples");
        m.put("rounds", rs.size());
        RoundRecord lastEval = null;
        for (final RoundRecord r : rs) {
            if (r.hasEval()) {
                lastEval = r;
            }
        }
        m.put("testAccuracy", lastEval == null ? null : lastEval.testAccuracy());
        m.put("testLoss", lastEval == null ? null : lastEval.testLoss());
        double bits = 0;
        double grad = 0;
        double codecSec = 0;
        double statsSec = 0;
        double evalSec = 0;
        for (final RoundRecord r : rs) {
            statsSec += r.statsSeconds();
            evalSec += r.evalSeconds();
            bits += r.bits();
            grad += r.gradientSeconds();
            codecSec += r.codecSeconds();
        }
        m.put("totalBits", bits);
        m.put("bitsPerCoordinatePerRound", bits / ((double) p * rs.size()));
        m.put("meanDistortion", mean(rs, RoundRecord::distortion, true));
        m.put("meanLosslessDistortion", mean(rs, RoundRecord::losslessDistortion, true));
        m.put("meanQuantDistortion", mean(rs, RoundRecord::quantDistortion, false));
        m.put("meanSx2", mean(rs, RoundRecord::sx2, true));
        m.put("meanSn2", mean(rs, RoundRecord::sn2, true));
        m.put("meanRho", mean(rs, r -> r.rho(cfg.workers()), true));
        m.put("meanRsumBitsPerRound", mean(rs, RoundRecord::rsumBits, true));
        m.put("meanRinBitsPerRound", mean(rs, RoundRecord::rinBits, true));
        m.put("meanRsumHomogeneousBitsPerRound", mean(rs, RoundRecord::rsumHomBits, true));
        m.put("signBitsPerRound", (double) cfg.workers() * p);
        m.put("targetAccuracy", Double.isNaN(cfg.targetAccuracy()) ? null : cfg.targetAccuracy());
        final boolean reached = lastEval != null && !Double.isNaN(cfg.targetAccuracy()) && lastEval.testAccuracy() >= cfg.targetAccuracy();
        m.put("reachedTarget", Double.isNaN(cfg.targetAccuracy()) ? null : reached);
        m.put("gradientSeconds", grad);
        m.put("codecSeconds", codecSec);
        m.put("statsSeconds", statsSec);
        m.put("evalSeconds", evalSec);
        m.put("wallSeconds", wallSeconds);
        m.put("roundsPerSecond", rs.size() / wallSeconds);
        m.put("matrixKernel", MatrixKernels.reason());
        return m;
    }

    /** Mean of a field over the rounds where it is finite (statistics rounds if {@code statsOnly}); null if none. */
    static Double mean(final List<RoundRecord> rs, final java.util.function.ToDoubleFunction<RoundRecord> f, final boolean statsOnly) {
        double s = 0;
        int n = 0;
        for (final RoundRecord r : rs) {
            if (statsOnly && !r.hasStats()) {
                continue;
            }
            final double v = f.applyAsDouble(r);
            if (Double.isFinite(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? null : s / n;
    }
}
