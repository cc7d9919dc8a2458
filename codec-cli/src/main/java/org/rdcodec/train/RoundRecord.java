package org.rdcodec.train;

/**
 * What one training round measured. Per-coordinate figures average over all P coordinates (layers weighted by
 * size); "bits" count all K workers. Fields that are measured only on some rounds are NaN on the others:
 * the reference-gradient figures on statistics rounds, the test figures on evaluation rounds.
 *
 * @param round t, from 0
 * @param trainLoss mean cross-entropy of the workers' local batches (before the step)
 * @param bits bits of all K frames this round (noise mode: Rsum at D(t) from the per-round estimates)
 * @param bitsPerCoordinate bits / P
 * @param quantDistortion |xhat - ybar|^2 / P, ybar the plain mean of the uncompressed worker gradients: what the codec adds
 * @param sx2Est per-round estimate of sx2 without the reference: mean(ybar^2) - sn2Est / K
 * @param sn2Est per-round estimate of sn2 without the reference: the across-worker sample variance, averaged over coordinates
 * @param sx2 |g|^2 / P with g the reference gradient (statistics rounds)
 * @param sn2 mean over workers of |y_k - g|^2 / P (statistics rounds)
 * @param distortion |xhat - g|^2 / P (statistics rounds)
 * @param losslessDistortion |ybar - g|^2 / P: the distortion of uncompressed aggregation (statistics rounds)
 * @param rsumBits Rsum at the measured per-layer distortions, all layers, all workers (NaN where some layer's D is below the minimum)
 * @param rinBits Rin at the measured per-layer distortions (NaN where infeasible)
 * @param signBits SignSGD's K P bits
 * @param signDistortion the paper's D_sign = [sn2 + (pi-2)/pi (sn2 + sx2)] / K per coordinate, from the measured statistics
 * @param rsumAtSignBits Rsum(D_sign), all layers
 * @param rinAtSignBits Rin(D_sign), all layers
 * @param rsumHomBits Rsum at the measured D_l with the workers' mean sn2 (Corollary 2, homogeneous): Rin - this is the
 *                    correlation gain alone, without the gain from unequal worker noise that {@code rsumBits} also takes
 * @param rsumHomAtSignBits the same at D_sign
 * @param testLoss test-set loss after the step (evaluation rounds)
 * @param testAccuracy test-set accuracy after the step (evaluation rounds)
 * @param gradientSeconds worker forward/backward time
 * @param codecSeconds encode + decode + combine time (noise mode: drawing the noise and the per-round Rsum)
 * @param statsSeconds this round's measurement outside the codec: the reference-free moments, the quantization distortion,
 *                     the optimiser step, and on statistics rounds the reference gradient and its per-layer statistics
 * @param evalSeconds the test-set evaluation (evaluation rounds, else 0)
 * @param sx2PerLayer sx2_l (statistics rounds, else null)
 * @param sn2PerLayer mean_k sn2_{k,l} (statistics rounds, else null)
 * @param sn2PerWorkerLayer sn2_{k,l}, [worker][layer] (statistics rounds, else null)
 * @param distortionPerLayer D_l (statistics rounds, else null)
 * @param quantDistortionPerLayer |xhat - ybar|^2 per coordinate of each layer
 * @param sn2EstPerLayer the reference-free sn2 estimate of each layer
 */
public record RoundRecord(int round, double trainLoss, double bits, double bitsPerCoordinate, double quantDistortion, double sx2Est,
        double sn2Est, double sx2, double sn2, double distortion, double losslessDistortion, double rsumBits, double rinBits,
        double signBits, double signDistortion, double rsumAtSignBits, double rinAtSignBits, double rsumHomBits, double rsumHomAtSignBits,
        double testLoss, double testAccuracy,
        double gradientSeconds, double codecSeconds, double statsSeconds, double evalSeconds, double[] sx2PerLayer, double[] sn2PerLayer, double[][] sn2PerWorkerLayer,
        double[] distortionPerLayer, double[] quantDistortionPerLayer, double[] sn2EstPerLayer) {

    /** @return whether the reference gradient was measured this round */
    public boolean hasStats() {
        return !Double.isNaN(sx2);
    }

    /** @return whether the test set was evaluated this round */
    public boolean hasEval() {
        return !Double.isNaN(testAccuracy);
    }

    /** @return rho = D K / sn2 - 1 at the measured distortion (statistics rounds), given K */
    public double rho(final int workers) {
        return distortion * workers / sn2 - 1;
    }

    /** Column names of {@link #csvRow()}. */
    public static final String CSV_HEADER = "round,trainLoss,bits,bitsPerCoordinate,quantDistortion,sx2Est,sn2Est,sx2,sn2,distortion,"
            + "losslessDistortion,rsumBits,rinBits,signBits,signDistortion,rsumAtSignBits,rinAtSignBits,rsumHomBits,rsumHomAtSignBits,testLoss,testAccuracy,"
            + "gradientSeconds,codecSeconds,statsSeconds,evalSeconds";

    /** @return the scalar fields as one CSV line (empty cells for NaN) */
    public String csvRow() {
        final double[] v = {trainLoss, bits, bitsPerCoordinate, quantDistortion, sx2Est, sn2Est, sx2, sn2, distortion, losslessDistortion,
            rsumBits, rinBits, signBits, signDistortion, rsumAtSignBits, rinAtSignBits, rsumHomBits, rsumHomAtSignBits, testLoss, testAccuracy, gradientSeconds, codecSeconds,
            statsSeconds, evalSeconds};
        final StringBuilder s = new StringBuilder().append(round);
        for (final double x : v) {
            s.append(',');
            if (!Double.isNaN(x)) {
                s.append(x);
            }
        }
        return s.toString();
    }
}
