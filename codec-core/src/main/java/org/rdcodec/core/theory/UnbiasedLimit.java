package org.rdcodec.core.theory;

/**
 * Lemma 3: an unbiased quantizer of a Gaussian of variance s2 at R bits per coordinate has variance
 * {@code D >= s2 / (2^(2R) - 1)}; equivalently it needs {@code R >= 1/2 log2(1 + s2/D)} bits.
 */
public final class UnbiasedLimit {

    private UnbiasedLimit() {
    }

    /**
     * @param s2 source variance (&gt; 0)
     * @param bits rate R in bits per coordinate (&gt; 0)
     * @return the least variance {@code s2 / (2^(2R) - 1)}
     */
    public static double minDistortion(final double s2, final double bits) {
        Checks.positive("s2", s2);
        Checks.positive("rate R", bits);
        return s2 / Math.expm1(2.0 * bits * Bits.LN2);
    }

    /**
     * @param s2 source variance (&gt; 0)
     * @param distortion estimator variance D (&gt; 0)
     * @return the least rate {@code 1/2 log2(1 + s2/D)} in bits per coordinate
     */
    public static double minRate(final double s2, final double distortion) {
        Checks.positive("s2", s2);
        Checks.positive("distortion D", distortion);
        return 0.5 * Bits.log2p1(s2 / distortion);
    }
}
