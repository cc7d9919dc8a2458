package org.rdcodec.core.theory;

/**
 * Closed forms of Corollary 2 for K workers with equal noise, one layer, rates in bits per coordinate
 * (sum over workers). Source {@code X ~ N(0, sx2)}, worker noise {@code N_k ~ N(0, sn2)}; every distortion
 * D is the variance of an unbiased estimate of X and must exceed {@code sn2 / K}.
 */
public final class HomogeneousBounds {

    private HomogeneousBounds() {
    }

    /**
     * The least distortion an unbiased estimator can reach when every worker is lossless: the average of K
     * noisy copies. It is an infimum: rates diverge as D approaches it.
     *
     * @param workers K
     * @param sn2 noise variance per worker
     * @return sn2 / K
     */
    public static double minDistortion(final int workers, final double sn2) {
        return Checks.positive("sn2", sn2) / Checks.workers(workers);
    }

    /**
     * Sum-rate-distortion function {@code Rsum(D) = K/2 log2(1 + sn2/(K D - sn2)) + 1/2 log2(1 + sx2/D)}.
     *
     * @param workers K
     * @param sx2 gradient (source) variance
     * @param sn2 noise variance per worker
     * @param distortion D, must exceed sn2/K
     * @return least total rate in bits per coordinate
     * @throws InfeasibleTargetException if D &lt;= sn2/K
     */
    public static double sumRate(final int workers, final double sx2, final double sn2, final double distortion) {
        final double kd = checkedKd(workers, sx2, sn2, distortion);
        return workers * 0.5 * Bits.log2p1(sn2 / (kd - sn2)) + 0.5 * Bits.log2p1(sx2 / distortion);
    }

    /**
     * Rate when each worker is coded alone (no inter-worker coding):
     * {@code Rin(D) = K/2 log2(1 + sn2/(K D - sn2)) + K/2 log2(1 + sx2/(K D))}.
     *
     * @param workers K
     * @param sx2 gradient (source) variance
     * @param sn2 noise variance per worker
     * @param distortion D, must exceed sn2/K
     * @return total rate in bits per coordinate
     * @throws InfeasibleTargetException if D &lt;= sn2/K
     */
    public static double independentRate(final int workers, final double sx2, final double sn2, final double distortion) {
        final double kd = checkedKd(workers, sx2, sn2, distortion);
        return workers * 0.5 * Bits.log2p1(sn2 / (kd - sn2)) + workers * 0.5 * Bits.log2p1(sx2 / kd);
    }

    /**
     * The paper's model of SignSGD's distortion (1 bit per coordinate per worker, levels
     * {@code +-sqrt(2/pi) sqrt(sx2 + sn2)}, sign error treated as independent unbiased noise):
     * {@code D_sign = [sn2 + (pi - 2)/pi (sn2 + sx2)] / K}. The real MSE of averaged signs is larger
     * (they are biased); compare codecs at measured distortions.
     *
     * @param workers K
     * @param sx2 gradient (source) variance
     * @param sn2 noise variance per worker
     * @return D_sign
     */
    public static double signDistortion(final int workers, final double sx2, final double sn2) {
        Checks.workers(workers);
        Checks.positive("sx2", sx2);
        Checks.positive("sn2", sn2);
        return (sn2 + (Math.PI - 2.0) / Math.PI * (sn2 + sx2)) / workers;
    }

    /**
     * {@code Rin(D_sign) = K/2 log2(1 + pi/(pi - 2))}, independent of the variances.
     *
     * @param workers K
     * @return bits per coordinate
     */
    public static double independentRateAtSign(final int workers) {
        return Checks.workers(workers) * 0.5 * Bits.log2p1(Math.PI / (Math.PI - 2.0));
    }

    /**
     * {@code rho = D K / sn2 - 1}: quantization noise relative to gradient noise (0 is lossless).
     *
     * @param workers K
     * @param sn2 noise variance per worker
     * @param distortion D
     * @return rho
     */
    public static double rho(final int workers, final double sn2, final double distortion) {
        Checks.positive("distortion D", distortion);
        return distortion / minDistortion(workers, sn2) - 1.0;
    }

    /**
     * Inverse of {@link #rho}: {@code D = sn2 (1 + rho) / K}.
     *
     * @param workers K
     * @param sn2 noise variance per worker
     * @param rho &gt; 0
     * @return D
     */
    public static double distortionForRho(final int workers, final double sn2, final double rho) {
        Checks.positive("rho", rho);
        return minDistortion(workers, sn2) * (1.0 + rho);
    }

    private static double checkedKd(final int workers, final double sx2, final double sn2, final double distortion) {
        Checks.workers(workers);
        Checks.positive("sx2", sx2);
        Checks.positive("sn2", sn2);
        Checks.positive("distortion D", distortion);
        final double kd = workers * distortion;
        if (!(kd > sn2)) {
            throw new InfeasibleTargetException(distortion, sn2 / workers);
        }
        return kd;
    }
}
