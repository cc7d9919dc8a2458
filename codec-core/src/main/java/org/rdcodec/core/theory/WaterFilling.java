package org.rdcodec.core.theory;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Sum-rate optimal split of one layer's precision budget {@code 1/D_l} across workers (the inner problem of
 * P1 with equal weights): {@code z_k = max(0, 1/sn2_k - theta)}, theta set by {@code sum_k z_k = 1/D_l}.
 *
 * <p>Solved exactly, not iteratively: sort the precisions {@code p_k = 1/sn2_k} in decreasing order; with the
 * m most precise workers active, {@code theta_m = (p_1 + ... + p_m - 1/D)/m}; the first m with
 * {@code theta_m >= p_{m+1}} (or m = K) is the solution, and {@code theta_m < p_m} then holds automatically.
 * Active workers get {@code r_k = 1/2 log2(p_k / theta)} (the same as {@code -1/2 log2(1 - sn2_k z_k)},
 * without the cancellation).
 */
public final class WaterFilling {

    private WaterFilling() {
    }

    /**
     * @param sn2 noise variance of each worker on this layer (each finite and &gt; 0)
     * @param sx2 gradient variance of this layer
     * @param distortion D_l, must exceed {@code 1/sum_k(1/sn2_k)}
     * @return the layer's allocation
     * @throws InfeasibleTargetException if D_l is at or below the layer's minimum
     */
    public static LayerAllocation solve(final double[] sn2, final double sx2, final double distortion) {
        Checks.workers(sn2.length);
        Checks.positive("sx2", sx2);
        Checks.positive("layer distortion D_l", distortion);
        final int k = sn2.length;
        final double[] p = new double[k];
        double total = 0;
        for (int i = 0; i < k; i++) {
            p[i] = 1.0 / Checks.positive("sn2 of worker " + (i + 1), sn2[i]);
            total += p[i];
        }
        final double budget = 1.0 / distortion;
        if (!(budget < total)) {
            throw new InfeasibleTargetException(distortion, 1.0 / total);
        }
        final Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).reversed());
        double prefix = 0;
        double theta = 0;
        for (int m = 1; m <= k; m++) {
            prefix += p[order[m - 1]];
            theta = (prefix - budget) / m;
            if (m == k || theta >= p[order[m]]) {
                break;
            }
        }
        // theta > 0 because budget < total; guard against rounding at the very edge of feasibility.
        if (!(theta > 0)) {
            throw new InfeasibleTargetException(distortion, 1.0 / total);
        }
        final double[] z = new double[k];
        final double[] r = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            if (p[i] > theta) {
                z[i] = p[i] - theta;
                r[i] = 0.5 * Bits.log2(p[i] / theta);
                sum += r[i];
            }
        }
        sum += 0.5 * Bits.log2p1(sx2 / distortion);
        return new LayerAllocation(distortion, theta, z, r, sum);
    }

    /**
     * Minus the derivative of the layer sum-rate with respect to D_l, in bits per unit distortion:
     * {@code 1/(2 ln 2) [1/(theta D^2) + sx2/(D (D + sx2))]}. The r-part follows from
     * {@code d(sum r)/dtheta = -m/(2 ln2 theta)} and {@code dtheta/dD = 1/(m D^2)} (m active workers), so
     * it does not depend on m: the sum-rate is continuously differentiable and decreasing in D_l.
     *
     * @param allocation a layer allocation
     * @param sx2 the layer's gradient variance
     * @return {@code -dR/dD_l > 0}
     */
    static double marginal(final LayerAllocation allocation, final double sx2) {
        final double d = allocation.distortion();
        return (1.0 / (allocation.theta() * d * d) + sx2 / (d * (d + sx2))) / (2.0 * Bits.LN2);
    }
}
