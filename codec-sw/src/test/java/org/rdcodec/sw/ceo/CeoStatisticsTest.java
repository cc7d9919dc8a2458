package org.rdcodec.sw.ceo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The statistics estimator against known variances (heterogeneous workers, dithered reconstructions). */
class CeoStatisticsTest {

    static final int P = 1 << 16;
    static final double SX2 = 4;
    static final double[] SN2 = {0.5, 1, 2, 4, 0.25};
    static final double[] SV2 = {0.1, 0.3, 0.05, 1, 0.2};

    /**
     * Each estimate is a linear combination of means of P squared Gaussian-like values; the standard error of
     * such a mean of a variance s^2 is s^2 sqrt(2 / P). sn2_k^ = ((c_k - T/m^2) / (1 - 2/m)) - sv2_k inherits
     * roughly (sigma_k^2 + T/m) sqrt(2/P) / (1 - 2/m) (c_k's error plus the share of T's); sx2^ inherits
     * (sx2 + T/m^2) sqrt(2/P) from mean(ybar^2) plus T's error / m^2. Tolerance: 5 of them.
     */
    static final double Z = 5;

    @Test
    void convergesToTheTrueVariances() {
        final int m = SN2.length;
        final CeoStatistics stats = new CeoStatistics(m, 1);
        assertFalse(stats.ready());
        final SplittableRandom rng = new SplittableRandom(5);
        for (int round = 0; round < 3; round++) {
            final float[][] yhat = new float[m][P];
            for (int i = 0; i < P; i++) {
                final double x = Math.sqrt(SX2) * rng.nextGaussian();
                for (int k = 0; k < m; k++) {
                    final double e = Math.sqrt(12 * SV2[k]) * (rng.nextDouble() - 0.5);
                    yhat[k][i] = (float) (x + Math.sqrt(SN2[k]) * rng.nextGaussian() + e);
                }
            }
            stats.update(0, yhat, SV2);
        }
        assertTrue(stats.ready());
        double t = 0;
        for (int k = 0; k < m; k++) {
            t += SN2[k] + SV2[k];
        }
        final double se = Math.sqrt(2.0 / P);
        assertEquals(SX2, stats.sx2(0), Z * se * (SX2 + 2 * t / m));
        for (int k = 0; k < m; k++) {
            final double tol = Z * se * (SN2[k] + SV2[k] + t / m) / (1 - 2.0 / m);
            assertEquals(SN2[k], stats.sn2(k, 0), tol, "worker " + k);
        }
    }

    @Test
    void twoWorkersAreNotEnough() {
        final CeoStatistics stats = new CeoStatistics(2, 1);
        stats.update(0, new float[][] {{1, 2}, {2, 1}}, new double[] {0, 0});
        assertFalse(stats.ready());
    }
}
