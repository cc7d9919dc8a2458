package org.rdcodec.core.stats;

/** The standard normal density and distribution function, in double precision. */
public final class Gaussian {

    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private Gaussian() {
    }

    /**
     * @param x argument
     * @return the standard normal density at x
     */
    public static double pdf(final double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /**
     * @param x argument
     * @return P(Z &lt;= x) for a standard normal Z (relative error below 1.2e-7, from erfc; accurate in the
     *     lower tail, so take upper-tail probabilities as {@code cdf(-x)}, never {@code 1 - cdf(x)})
     */
    public static double cdf(final double x) {
        if (x == Double.POSITIVE_INFINITY) {
            return 1;
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /**
     * The complementary error function by the Chebyshev-fitted exponential form (fractional error
     * below 1.2e-7 everywhere).
     *
     * @param x argument
     * @return erfc(x)
     */
    public static double erfc(final double x) {
        final double z = Math.abs(x);
        final double t = 1 / (1 + 0.5 * z);
        final double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
