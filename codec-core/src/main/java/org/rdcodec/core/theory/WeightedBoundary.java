package org.rdcodec.core.theory;

import java.util.Locale;

/**
 * Problem P1: the point of the rate region at distortion D minimising {@code sum_k a_k R_k} for non-negative
 * weights a_k, i.e. the weighted boundary of the region. The minimiser is a Lemma 1 corner point with the
 * smallest weight decoded first; its precisions {@code z_{k,l}} and the split of D over layers solve
 * {@code min sum_l sum_k a_k [ -1/2 log2(1 - sn2_{k,l} z_{k,l}) + 1/2 log2(1 + z_{k,l}/(1/sx2_l + sum_{i>k} z_{i,l})) ]}
 * subject to {@code sum_k z_{k,l} = 1/D_l, sum_l D_l = D} (both constraints are active at the optimum).
 *
 * <p>Method: per layer and budget, pairwise coordinate descent started at the water-filling point
 * ({@link WeightedLayerSolver}, relative KKT tolerance {@value WeightedLayerSolver#KKT_TOLERANCE}); across
 * layers, the equal-marginal split of {@link LayerSplit} with marginal {@code -dV_l/dD_l = mu_l / D_l^2}
 * (mu_l the multiplier of the layer's budget, by the envelope theorem). With equal weights the inner problem
 * is water-filling and the result is {@code a * Rsum(D)}.
 */
public final class WeightedBoundary {

    private WeightedBoundary() {
    }

    /**
     * @param model the CEO model
     * @param weights a_k &gt;= 0, one per worker, not all zero
     * @param distortion total target distortion D
     * @return the minimiser and the weighted sum-rate
     * @throws InfeasibleTargetException if D &lt;= D_min
     * @throws TheoryInputException on invalid weights
     */
    public static WeightedBoundaryResult solve(final CeoModel model, final double[] weights, final double distortion) {
        final int workers = model.workers();
        final int layers = model.layers();
        if (weights.length != workers) {
            throw new TheoryInputException("P1: " + weights.length + " weights for " + workers + " workers");
        }
        double total = 0;
        for (int k = 0; k < workers; k++) {
            total += Checks.nonNegative(String.format(Locale.ROOT, "weight a_%d", k + 1), weights[k]);
        }
        if (!(total > 0)) {
            throw new TheoryInputException("P1: at least one weight must be > 0");
        }
        model.checkTarget(distortion);
        final int[] decodeOrder = CornerRates.orderForWeights(weights);
        final double[][] noise = new double[layers][];
        final double[] minLayer = new double[layers];
        final WeightedLayerSolver[] solvers = new WeightedLayerSolver[layers];
        for (int l = 0; l < layers; l++) {
            noise[l] = model.layerNoise(l);
            minLayer[l] = model.minLayerDistortion(l);
            solvers[l] = new WeightedLayerSolver(weights, noise[l], model.sx2(l), decodeOrder);
        }
        final double[] split = LayerSplit.split(minLayer, distortion, (l, d) -> {
            solvers[l].solve(1.0 / d, WaterFilling.solve(noise[l], model.sx2(l), d).z());
            return solvers[l].multiplier() / (d * d);
        });
        final double[][] z = new double[workers][layers];
        double value = 0;
        double gap = 0;
        for (int l = 0; l < layers; l++) {
            solvers[l].solve(1.0 / split[l], WaterFilling.solve(noise[l], model.sx2(l), split[l]).z());
            value += solvers[l].value();
            gap = Math.max(gap, solvers[l].kktGap());
            final double[] zl = solvers[l].solution();
            for (int k = 0; k < workers; k++) {
                z[k][l] = zl[k];
            }
        }
        final double[][] corner = CornerRates.rates(model, z, decodeOrder);
        return new WeightedBoundaryResult(weights.clone(), distortion, split, z, decodeOrder, corner, value, gap);
    }
}
