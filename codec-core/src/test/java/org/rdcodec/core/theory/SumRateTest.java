package org.rdcodec.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SumRateTest {

    /** theory.md prints the rates with 5 decimals: rounding leaves at most 5e-6. */
    private static final double FIVE_DECIMALS = 5e-6;

    /**
     * The general solver against the closed form. Water-filling is exact; the layer split stops at relative
     * bracket width 1e-14 and the rate is stationary there, so only floating-point rounding of sums of logs
     * of numbers near 1..10 bits remains: 1e-10 leaves ample headroom over ~1e-14.
     */
    private static final double SOLVER_AGREEMENT = 1e-10;

    /**
     * Convexity on a grid: second differences of Rsum at spacing h are about Rsum'' h^2 &gt; 0; rounding of
     * values of order 10 bits contributes about 1e-14; we allow -1e-12.
     */
    private static final double SECOND_DIFFERENCE_FLOOR = -1e-12;

    private static final int K = 10;

    @Test
    void heterogeneousOneLayerMatchesCheckValue() {
        final CeoModel model = CeoModel.perWorker(new double[] {1.0}, new double[] {0.5, 1, 2, 4});
        final SumRateResult res = SumRate.solve(model, 0.5);
        assertEquals(2.29248, res.sumRateBitsPerVector(), FIVE_DECIMALS);
        // The noisiest worker (sn2 = 4, precision 0.25 below the water level 0.5) need not send.
        assertEquals(0.0, res.layer(0).z(3));
        assertEquals(0.0, res.layer(0).r(3));
        assertEquals(0.5, res.layer(0).theta(), SOLVER_AGREEMENT);
    }

    @Test
    void twoLayerMatchesCheckValueAndEqualisesMarginals() {
        final CeoModel model = CeoModel.of(new double[] {2, 0.5},
                new double[][] {{0.5, 0.2}, {1, 0.2}, {2, 0.2}});
        final SumRateResult res = SumRate.solve(model, 1.0);
        assertEquals(3.05884, res.sumRateBitsPerVector(), FIVE_DECIMALS);
        assertEquals(3.05884 / 2, res.sumRateBitsPerCoordinate(), FIVE_DECIMALS);
        assertEquals(1.0, res.layer(0).distortion() + res.layer(1).distortion(), 1e-15);
        assertEquals(1.0, res.distortionShare(0) + res.distortionShare(1), 1e-15);
        final double m0 = WaterFilling.marginal(res.layer(0), 2);
        final double m1 = WaterFilling.marginal(res.layer(1), 0.5);
        assertEquals(m0, m1, SOLVER_AGREEMENT * m0);
    }

    @Test
    void marginalIsMinusTheDerivative() {
        final double[] sn2 = {0.5, 1, 2, 4};
        // Away from D = 0.5, where theta meets 1/sn2 of the noisiest worker and R'' jumps (the central
        // difference would then only be first-order accurate). Central difference at step h has truncation error ~ R''' h^2 / 6 and rounding ~ 1e-16 / h;
        // h = 1e-5 balances both near 1e-10 relative.
        final double d = 0.7;
        final double h = 1e-5;
        final double fd = (WaterFilling.solve(sn2, 1, d - h).sumRate() - WaterFilling.solve(sn2, 1, d + h).sumRate()) / (2 * h);
        assertEquals(fd, WaterFilling.marginal(WaterFilling.solve(sn2, 1, d), 1), 1e-8 * fd);
    }

    @Test
    void generalSolverEqualsClosedFormInHomogeneousCase() {
        for (final double sx2 : new double[] {0.1, 1, 10}) {
            for (final double rho : new double[] {0.01, 0.3, 1, 10, 1000}) {
                final double d = HomogeneousBounds.distortionForRho(K, 1.0, rho);
                final double closed = HomogeneousBounds.sumRate(K, sx2, 1.0, d);
                assertEquals(closed, SumRate.bitsPerVector(CeoModel.homogeneous(K, new double[] {sx2}, 1.0), d),
                        SOLVER_AGREEMENT, "sx2 " + sx2 + " rho " + rho);
                // Two identical layers: the optimal split is even, so Rsum(2D) = 2 Rsum_1(D).
                assertEquals(2 * closed, SumRate.bitsPerVector(CeoModel.homogeneous(K, new double[] {sx2, sx2}, 1.0), 2 * d),
                        SOLVER_AGREEMENT, "two layers, sx2 " + sx2 + " rho " + rho);
            }
        }
    }

    @Test
    void sumRateIsDecreasingAndConvexInDistortion() {
        final CeoModel model = CeoModel.of(new double[] {2, 0.5, 1},
                new double[][] {{0.5, 0.2, 1}, {1, 0.2, 3}, {2, 0.2, 0.7}, {4, 1, 1}});
        final double dMin = model.minDistortion();
        final int n = 60;
        final double[] rate = new double[n];
        final double step = 0.05;
        for (int i = 0; i < n; i++) {
            rate[i] = SumRate.bitsPerVector(model, dMin + step * (i + 1));
        }
        for (int i = 1; i < n; i++) {
            assertTrue(rate[i] < rate[i - 1], "decreasing at " + i);
            if (i + 1 < n) {
                assertTrue(rate[i + 1] - 2 * rate[i] + rate[i - 1] > SECOND_DIFFERENCE_FLOOR, "convex at " + i);
            }
        }
    }

    @Test
    void infeasibleTargetNamesTheMinimum() {
        final CeoModel model = CeoModel.of(new double[] {2, 0.5},
                new double[][] {{0.5, 0.2}, {1, 0.2}, {2, 0.2}});
        final double dMin = 1 / (2 + 1 + 0.5) + 1 / 15.0;
        assertEquals(dMin, model.minDistortion(), 1e-15);
        for (final double d : new double[] {dMin, dMin * 0.5}) {
            final InfeasibleTargetException e = assertThrows(InfeasibleTargetException.class, () -> SumRate.solve(model, d));
            assertEquals(dMin, e.getMinDistortion(), 1e-15);
            assertTrue(e.getMessage().contains("D_min = 0.352380952"), e.getMessage());
        }
        assertTrue(SumRate.bitsPerVector(model, dMin * (1 + 1e-9)) > 20, "rates diverge near D_min");
    }

    @Test
    void badModelsAreRejected() {
        assertThrows(TheoryInputException.class, () -> CeoModel.of(new double[] {}, new double[][] {{}}));
        assertThrows(TheoryInputException.class, () -> CeoModel.of(new double[] {1}, new double[][] {}));
        assertThrows(TheoryInputException.class, () -> CeoModel.of(new double[] {1, 1}, new double[][] {{1}}));
        assertThrows(TheoryInputException.class, () -> CeoModel.perWorker(new double[] {1}, new double[] {1, Double.NaN}));
        assertThrows(TheoryInputException.class, () -> CeoModel.perWorker(new double[] {0}, new double[] {1}));
        assertThrows(TheoryInputException.class, () -> CeoModel.homogeneous(3, new double[] {1}, -2));
        final CeoModel ok = CeoModel.homogeneous(3, new double[] {1}, 1);
        assertThrows(TheoryInputException.class, () -> SumRate.solve(ok, Double.NaN));
        assertThrows(TheoryInputException.class, () -> SumRate.solve(ok, 0));
        assertThrows(TheoryInputException.class, () -> SumRate.solve(ok, -1));
    }
}
