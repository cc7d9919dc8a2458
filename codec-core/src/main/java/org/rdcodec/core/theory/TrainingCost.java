package org.rdcodec.core.theory;

/**
 * Corollary 3: iterations SGD needs, with an unbiased gradient estimate of variance D, to reach an
 * optimality gap eps on a convex, beta-smooth loss:
 * {@code T >= A^2 ( sqrt(D/(2 eps^2) + beta/eps) + sqrt(D/(2 eps^2)) )^2}, {@code A^2 = sup ||w - w0||^2}.
 * The communication cost of iteration t is {@code P * Rsum_t(D)} bits.
 */
public final class TrainingCost {

    private TrainingCost() {
    }

    /**
     * @param aSquared A^2, squared radius of the feasible set around the start point (&gt; 0)
     * @param beta smoothness constant (&gt; 0)
     * @param eps target optimality gap (&gt; 0)
     * @param distortion variance D of the aggregated gradient estimate (&gt;= 0)
     * @return the lower bound on the number of iterations T (real-valued; round up for a count)
     */
    public static double iterationBound(final double aSquared, final double beta, final double eps, final double distortion) {
        Checks.positive("A^2", aSquared);
        Checks.positive("beta", beta);
        Checks.positive("eps", eps);
        Checks.nonNegative("distortion D", distortion);
        final double noise = distortion / (2.0 * eps * eps);
        final double root = Math.sqrt(noise + beta / eps) + Math.sqrt(noise);
        return aSquared * root * root;
    }
}
