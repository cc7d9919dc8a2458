package org.rdcodec.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateRegionTest {

    /**
     * Rounding slack for membership of points on the boundary: a corner point meets K constraints with
     * equality, and the two sides are sums of up to 2 (K + L) logarithms of order 1..10 bits computed along
     * different paths, so they differ by ~1e-14; 1e-9 is far above that and far below the 1e-3 step.
     */
    private static final double BOUNDARY_SLACK = 1e-9;

    /** The step by which a rate is lowered to leave the region (brief: 1e-3 bit). */
    private static final double STEP = 1e-3;

    private static CeoModel twoLayerModel() {
        return CeoModel.of(new double[] {2, 0.5}, new double[][] {{0.5, 0.2}, {1, 0.2}, {2, 0.2}});
    }

    @Test
    void cornerPointsSumToRsumLieInRegionAndAreTight() {
        final CeoModel[] models = {
            twoLayerModel(),
            CeoModel.perWorker(new double[] {1}, new double[] {0.5, 1, 2, 4}),
            CeoModel.homogeneous(5, new double[] {3}, 1),
        };
        final double[] targets = {1.0, 0.5, 0.5};
        final int[][] orders = {{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 0, 4, 1, 3}};
        for (int m = 0; m < models.length; m++) {
            final CeoModel model = models[m];
            final SumRateResult point = SumRate.solve(model, targets[m]);
            final RateRegion region = RateRegion.of(point);
            assertEquals(targets[m], region.distortion(), 1e-12);
            for (final int[] fullOrder : orders) {
                final int[] order = java.util.Arrays.stream(fullOrder).filter(k -> k < model.workers()).toArray();
                final double[] rates = CornerRates.workerTotals(CornerRates.rates(model, point.precisions(), order));
                double sum = 0;
                for (final double v : rates) {
                    sum += v;
                }
                assertEquals(point.sumRateBitsPerVector(), sum, BOUNDARY_SLACK);
                assertTrue(region.contains(rates, BOUNDARY_SLACK), "corner point in region");
                assertTrue(region.achieves(rates, targets[m], BOUNDARY_SLACK));
                for (int k = 0; k < rates.length; k++) {
                    final double[] lower = rates.clone();
                    lower[k] -= STEP;
                    assertFalse(region.contains(lower, BOUNDARY_SLACK), "lowering worker " + k + " leaves the region");
                    // Outside the whole region at D, not only this polytope: every achievable point has sum >= Rsum(D).
                    assertTrue(sum - STEP < point.sumRateBitsPerVector());
                }
            }
        }
    }

    @Test
    void singleWorkerBoundIsItsCornerRateWhenDecodedFirst() {
        final CeoModel model = CeoModel.perWorker(new double[] {1}, new double[] {0.5, 1, 2});
        final SumRateResult point = SumRate.solve(model, 0.5);
        final RateRegion region = RateRegion.of(point);
        final double[][] corner = CornerRates.rates(model, point.precisions(), new int[] {1, 0, 2});
        // The worker decoded first has no side information: R_k = r_k + 1/2 log2(1 + sx2 z_k), which is
        // the bound of the full set minus the bound of all the others.
        assertEquals(region.bound(0b111) - region.bound(0b101), corner[1][0], 1e-12);
    }

    @Test
    void tooManyWorkersAndBadRatesAreRejected() {
        final CeoModel big = CeoModel.homogeneous(21, new double[] {1}, 1);
        final double[][] r = new double[21][1];
        final TheoryInputException e = assertThrows(TheoryInputException.class, () -> RateRegion.forNoiseRates(big, r));
        assertTrue(e.getMessage().contains("K = 21"), e.getMessage());
        final CeoModel small = CeoModel.homogeneous(2, new double[] {1}, 1);
        assertThrows(TheoryInputException.class, () -> RateRegion.forNoiseRates(small, new double[][] {{1}, {-1}}));
        assertThrows(TheoryInputException.class, () -> RateRegion.forNoiseRates(small, new double[][] {{1}, {Double.NaN}}));
        assertThrows(TheoryInputException.class, () -> RateRegion.forNoiseRates(small, new double[][] {{1}}));
        final RateRegion ok = RateRegion.forNoiseRates(small, new double[][] {{1}, {1}});
        assertThrows(TheoryInputException.class, () -> ok.contains(new double[] {1}));
        assertThrows(TheoryInputException.class, () -> ok.bound(0));
        assertThrows(TheoryInputException.class, () -> CornerRates.rates(small, new double[][] {{0.1}, {0.1}}, new int[] {0, 0}));
        assertThrows(TheoryInputException.class, () -> CornerRates.rates(small, new double[][] {{0.1}, {1.0}}, new int[] {0, 1}));
    }

    @Test
    void twentyWorkersAreEnumerated() {
        final CeoModel model = CeoModel.homogeneous(20, new double[] {1}, 1);
        final SumRateResult point = SumRate.solve(model, 0.1);
        final double[] rates = CornerRates.workerTotals(CornerRates.rates(model, point.precisions(), CornerRates.orderForWeights(new double[20])));
        assertTrue(RateRegion.of(point).contains(rates, BOUNDARY_SLACK));
    }
}
