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
