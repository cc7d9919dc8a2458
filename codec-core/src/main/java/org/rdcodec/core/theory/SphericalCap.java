package org.rdcodec.core.theory;

import org.rdcodec.core.stats.SpecialFunctions;

/**
 * Caps of the unit sphere S^(n-1) under the uniform law: for a fixed unit u and Y uniform on the sphere,
 * S = &lt;u, Y&gt; has density c_n (1 - s^2)^((n-3)/2) on [-1, 1], c_n = Gamma(n/2) / (sqrt(pi) Gamma((n-1)/2)).
 * With s = cos(theta): P(S &gt;= t) = c_n * integral_0^arccos(t) sin^(n-2)(theta) d theta (smooth: Simpson's rule),
 * and the cap mean has a closed form, E[S ; S &gt;= t] = c_n (1 - t^2)^((n-1)/2) / (n - 1). Only
 * {@link StrictMath}: encoder and decoder of the spherical codec derive the same threshold and scale.
 */
public final class SphericalCap {

    private static final int SIMPSON_INTERVALS = 1024;

    private final int n;
    private final double c;

    /**
     * @param n dimension, &gt;= 2
     */
    public SphericalCap(final int n) {
        if (n < 2) {
            throw new TheoryInputException("sphere dimension must be >= 2, got " + n);
        }
        this.n = n;
        this.c = StrictMath.exp(SpecialFunctions.logGamma(n / 2.0) - SpecialFunctions.logGamma((n - 1) / 2.0)) / StrictMath.sqrt(Math.PI);
    }

    /** @return the dimension n */
    public int dimension() {
        return n;
    }

    /**
     * @param t threshold in [-1, 1]
     * @return P(&lt;u, Y&gt; &gt;= t)
     */
    public double probability(final double t) {
        final double theta = StrictMath.acos(Math.max(-1, Math.min(1, t)));
        final double h = theta / SIMPSON_INTERVALS;
        double sum = integrand(0) + integrand(theta);
        for (int i = 1; i < SIMPSON_INTERVALS; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * integrand(i * h);
        }
        return Math.min(1, c * sum * h / 3);
    }

    private double integrand(final double theta) {
        return n == 2 ? 1 : StrictMath.pow(StrictMath.sin(theta), n - 2);
    }

    /**
     * @param t threshold in [-1, 1)
     * @return E[&lt;u, Y&gt; | &lt;u, Y&gt; &gt;= t], the scale that makes the spherical codec unbiased
     */
    public double conditionalMean(final double t) {
        return c * StrictMath.pow(1 - t * t, (n - 1) / 2.0) / (n - 1) / probability(t);
    }

    /**
     * @param p cap probability in (0, 1]
     * @return the threshold t with P(&lt;u, Y&gt; &gt;= t) = p (bisection on the angle)
     */
    public double threshold(final double p) {
        if (!(p > 0) || p > 1) {
            throw new TheoryInputException("cap probability must be in (0, 1], got " + p);
        }
        double lo = 0;
        double hi = Math.PI;
        for (int i = 0; i < 64; i++) {
            final double mid = 0.5 * (lo + hi);
            if (probability(StrictMath.cos(mid)) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return StrictMath.cos(0.5 * (lo + hi));
    }

    /**
     * The relative variance of the unbiased cap estimator ||x|| Y / mu with Y uniform on the cap around
     * x / ||x|| (exact norm): E||Y / mu||^2 - 1 = 1 / mu^2 - 1.
     *
     * @param t threshold
     * @return omega
     */
    public double omega(final double t) {
        final double mu = conditionalMean(t);
        return 1 / (mu * mu) - 1;
    }
}
