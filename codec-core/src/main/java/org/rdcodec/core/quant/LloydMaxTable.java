package org.rdcodec.core.quant;

import org.rdcodec.core.stats.Gaussian;

/**
 * Lloyd-Max quantizers for the unit Gaussian with 2^bits levels (bits 1..4), computed at class load by
 * Lloyd's iteration (thresholds at midpoints, levels at the conditional means) until levels move by
 * less than 1e-12. Levels are symmetric and increasing.
 */
final class LloydMaxTable {

    private static final double[][] LEVELS = new double[5][];
    private static final double[][] THRESHOLDS = new double[5][];
    private static final double[] MSE = new double[5];

    static {
        for (int bits = 1; bits <= 4; bits++) {
            design(bits);
        }
    }

    private LloydMaxTable() {
    }

    private static void design(final int bits) {
        final int m = 1 << bits;
        final double[] c = new double[m];
        for (int i = 0; i < m; i++) {
            c[i] = -2 + 4.0 * (i + 0.5) / m;
        }
        final double[] t = new double[m - 1];
        for (int iter = 0; iter < 100_000; iter++) {
            for (int i = 0; i < m - 1; i++) {
                t[i] = 0.5 * (c[i] + c[i + 1]);
            }
            double move = 0;
            for (int i = 0; i < m; i++) {
                final double lo = i == 0 ? Double.NEGATIVE_INFINITY : t[i - 1];
                final double hi = i == m - 1 ? Double.POSITIVE_INFINITY : t[i];
                final double p = Gaussian.cdf(hi) - Gaussian.cdf(lo);
                final double next = (density(lo) - density(hi)) / p;
                move = Math.max(move, Math.abs(next - c[i]));
                c[i] = next;
            }
            if (move < 1e-12) {
                break;
            }
        }
        double mse = 1;
        for (int i = 0; i < m; i++) {
            final double lo = i == 0 ? Double.NEGATIVE_INFINITY : t[i - 1];
            final double hi = i == m - 1 ? Double.POSITIVE_INFINITY : t[i];
            // with centroid levels, E[(X - Q)^2] = E[X^2] - sum c_i^2 p_i
            mse -= c[i] * c[i] * (Gaussian.cdf(hi) - Gaussian.cdf(lo));
        }
        LEVELS[bits] = c;
        THRESHOLDS[bits] = t;
        MSE[bits] = mse;
    }

    private static double density(final double x) {
        return Double.isInfinite(x) ? 0 : Gaussian.pdf(x);
    }

    /**
     * @param bits 1..4
     * @return the levels for a unit Gaussian (a copy)
     */
    static double[] levels(final int bits) {
        return LEVELS[bits].clone();
    }

    /**
     * @param bits 1..4
     * @return the decision thresholds (a copy)
     */
    static double[] thresholds(final int bits) {
        return THRESHOLDS[bits].clone();
    }

    /**
     * @param bits 1..4
     * @return the design MSE for a unit Gaussian
     */
    static double mse(final int bits) {
        return MSE[bits];
    }
}
