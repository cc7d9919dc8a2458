package org.rdcodec.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class WeightedBoundaryTest {

    /**
     * P1 against water-filling: with equal weights the descent starts at the water-filling optimum (KKT gap
     * ~1e-16) and the layer splits use the same marginal to 1e-14 relative, so the values agree to rounding of
     * sums of logs of order 1..10 bits; 1e-9 leaves headroom.
     */
    private static final double SOLVER_AGREEMENT = 1e-9;

    /**
     * Optimality against random feasible points: the returned value is within KKT_TOLERANCE-relative of the
     * minimum, so no feasible point may beat it by more than rounding; 1e-9 bits.
     */
    private static final double OPTIMALITY_SLACK = 1e-9;

    /** Boundary membership rounding slack (see RateRegionTest). */
    private static final double BOUNDARY_SLACK = 1e-9;

    /** theory.md prints the rates with 5 decimals: rounding leaves at most 5e-6. */
    private static final double FIVE_DECIMALS = 5e-6;

    private static CeoModel twoLayerModel() {
        return CeoModel.of(new double[] {2, 0.5}, new double[][] {{0.5, 0.2}, {1, 0.2}, {2, 0.2}});
    }

    @Test
    void equalWeightsGiveTheWaterFillingSumRate() {
        final CeoModel two = twoLayerModel();
        assertEquals(3.05884, WeightedBoundary.solve(two, new double[] {1, 1, 1}, 1.0).value(), FIVE_DECIMALS);
        assertEquals(2 * SumRate.bitsPerVector(two, 1.0), WeightedBoundary.solve(two, new double[] {2, 2, 2}, 1.0).value(), SOLVER_AGREEMENT);
        final CeoModel het = CeoModel.perWorker(new double[] {1}, new double[] {0.5, 1, 2, 4});
        for (final double d : new double[] {0.3, 0.5, 2}) {
            assertEquals(SumRate.bitsPerVector(het, d), WeightedBoundary.solve(het, new double[] {1, 1, 1, 1}, d).value(), SOLVER_AGREEMENT);
        }
    }

    @Test
    void valueIsTheWeightedSumOfItsCornerRatesWhichLieInTheRegion() {
        final CeoModel model = twoLayerModel();
        final double[] a = {0.5, 3, 1};
        final WeightedBoundaryResult res = WeightedBoundary.solve(model, a, 1.0);
        final double[] rates = res.workerRates();
        double weighted = 0;
        for (int k = 0; k < a.length; k++) {
            weighted += a[k] * rates[k];
        }
        assertEquals(res.value(), weighted, 1e-12);
        assertEquals(1.0, res.layerDistortion(0) + res.layerDistortion(1), 1e-15);
        // The worker with the largest weight is decoded last.
        assertEquals(1, res.decodeOrder()[2]);
        final double[][] z = res.precisions();
        final double[][] r = new double[3][2];
        for (int k = 0; k < 3; k++) {
            for (int l = 0; l < 2; l++) {
                r[k][l] = -0.5 * Math.log1p(-model.sn2(k, l) * z[k][l]) / Math.log(2);
            }
        }
        final RateRegion region = RateRegion.forNoiseRates(model, r);
        assertTrue(region.achieves(rates, 1.0, BOUNDARY_SLACK));
        // Unequal weights buy a lower weighted sum than the sum-rate point's best corner.
        final SumRateResult wf = SumRate.solve(model, 1.0);
        final double[] wfRates = CornerRates.workerTotals(CornerRates.rates(model, wf.precisions(), res.decodeOrder()));
        double wfWeighted = 0;
        for (int k = 0; k < a.length; k++) {
            wfWeighted += a[k] * wfRates[k];
        }
        assertTrue(res.value() <= wfWeighted + OPTIMALITY_SLACK, res.value() + " vs " + wfWeighted);
    }

    @Test
    void noRandomFeasiblePointBeatsTheOptimum() {
        final CeoModel model = CeoModel.perWorker(new double[] {1.5}, new double[] {0.5, 1, 2, 4});
        final double d = 0.4;
        final double[] a = {1, 4, 0.2, 2};
        final WeightedBoundaryResult res = WeightedBoundary.solve(model, a, d);
        final int[] order = res.decodeOrder();
        final SplittableRandom rnd = new SplittableRandom(20261123L);
        final double[] p = new double[4];
        for (int k = 0; k < 4; k++) {
            p[k] = 1 / model.sn2(k, 0);
        }
        int tried = 0;
        while (tried < 2000) {
            // A random split of the budget 1/D, rejected if any z_k reaches 1/sn2_k.
            final double[] w = new double[4];
            double s = 0;
            for (int k = 0; k < 4; k++) {
                w[k] = rnd.nextDouble();
                s += w[k];
            }
            final double[][] z = new double[4][1];
            boolean ok = true;
            for (int k = 0; k < 4; k++) {
                z[k][0] = w[k] / s / d;
                ok &= z[k][0] < p[k];
            }
            if (!ok) {
                continue;
            }
            tried++;
            final double[] rates = CornerRates.workerTotals(CornerRates.rates(model, z, order));
            double v = 0;
            for (int k = 0; k < 4; k++) {
                v += a[k] * rates[k];
            }
            assertTrue(res.value() <= v + OPTIMALITY_SLACK, res.value() + " > " + v);
        }
        assertTrue(res.kktGap() < 1e-9);
    }

    @Test
    void layerSplitOfTheWeightedProblemIsOptimal() {
        final CeoModel model = twoLayerModel();
        final double[] a = {0.5, 3, 1};
        final WeightedBoundaryResult res = WeightedBoundary.solve(model, a, 1.0);
        final int[] order = res.decodeOrder();
        final double d0 = res.layerDistortion(0);
        // Moving distortion between the layers, each layer re-optimised, never lowers the weighted sum.
        for (final double shift : new double[] {-0.05, -0.01, -1e-3, 1e-3, 0.01, 0.05}) {
            double v = 0;
            for (int l = 0; l < 2; l++) {
                final double dl = l == 0 ? d0 + shift : 1.0 - d0 - shift;
                final WeightedLayerSolver solver = new WeightedLayerSolver(a, model.layerNoise(l), model.sx2(l), order);
                solver.solve(1.0 / dl, WaterFilling.solve(model.layerNoise(l), model.sx2(l), dl).z());
                v += solver.value();
            }
            assertTrue(res.value() <= v + OPTIMALITY_SLACK, "shift " + shift + ": " + res.value() + " > " + v);
        }
    }

    @Test
    void twentyWorkersThreeLayersWithRandomWeights() {
        final SplittableRandom rnd = new SplittableRandom(7L);
        final int k = 20;
        final int layers = 3;
        final double[] sx2 = new double[layers];
        final double[][] sn2 = new double[k][layers];
        final double[] a = new double[k];
        for (int l = 0; l < layers; l++) {
            sx2[l] = 0.1 + 5 * rnd.nextDouble();
            for (int w = 0; w < k; w++) {
                sn2[w][l] = 0.2 + 4 * rnd.nextDouble();
            }
        }
        for (int w = 0; w < k; w++) {
            a[w] = 3 * rnd.nextDouble();
        }
        final CeoModel model = CeoModel.of(sx2, sn2);
        final double d = 3 * model.minDistortion();
        final WeightedBoundaryResult res = WeightedBoundary.solve(model, a, d);
        assertTrue(res.kktGap() < 1e-9, "KKT gap " + res.kktGap());
        final SumRateResult wf = SumRate.solve(model, d);
        final double[] wfRates = CornerRates.workerTotals(CornerRates.rates(model, wf.precisions(), res.decodeOrder()));
        double wfWeighted = 0;
        for (int w = 0; w < k; w++) {
            wfWeighted += a[w] * wfRates[w];
        }
        assertTrue(res.value() <= wfWeighted + OPTIMALITY_SLACK, res.value() + " vs " + wfWeighted);
        // The optimum's corner rates sum to at least Rsum(D): it is a point of the region at D.
        double sum = 0;
        for (final double v : res.workerRates()) {
            sum += v;
        }
        assertTrue(sum >= wf.sumRateBitsPerVector() - OPTIMALITY_SLACK);
    }

    @Test
    void zeroWeightsAreAllowedAndInvalidWeightsRejected() {
        final CeoModel model = CeoModel.perWorker(new double[] {1}, new double[] {0.5, 1, 2});
        final WeightedBoundaryResult res = WeightedBoundary.solve(model, new double[] {1, 0, 0}, 0.5);
        // Only worker 1's rate counts; it is decoded last and pays at least its own noise rate.
        assertTrue(res.value() > 0 && Double.isFinite(res.value()));
        assertThrows(TheoryInputException.class, () -> WeightedBoundary.solve(model, new double[] {0, 0, 0}, 0.5));
        assertThrows(TheoryInputException.class, () -> WeightedBoundary.solve(model, new double[] {1, -1, 0}, 0.5));
        assertThrows(TheoryInputException.class, () -> WeightedBoundary.solve(model, new double[] {1, 1}, 0.5));
        assertThrows(InfeasibleTargetException.class, () -> WeightedBoundary.solve(model, new double[] {1, 1, 1}, 0.2));
    }
}
