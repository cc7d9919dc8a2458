package org.rdcodec.core.stats;

import java.util.SplittableRandom;

/** Test sources: generalized normal, symmetrized Weibull and Student-t samples with fixed seeds. */
public final class MagnitudeSamples {

    private MagnitudeSamples() {
    }

    /** Gamma(a, 1) by Marsaglia-Tsang (a &gt;= 1), boosted by U^(1/a) for a &lt; 1. */
    static double gamma(final SplittableRandom r, final double a) {
        if (a < 1) {
            return gamma(r, a + 1) * Math.pow(r.nextDouble(), 1 / a);
        }
        final double d = a - 1.0 / 3;
        final double c = 1 / Math.sqrt(9 * d);
        while (true) {
            final double x = r.nextGaussian();
            final double v0 = 1 + c * x;
            if (v0 <= 0) {
                continue;
            }
            final double v = v0 * v0 * v0;
            final double u = r.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /**
     * @param n count
     * @param beta shape
     * @param alpha scale
     * @param seed seed
     * @return generalized normal samples: sign * alpha * W^(1/beta), W ~ Gamma(1/beta, 1)
     */
    public static float[] gennorm(final int n, final double beta, final double alpha, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            final double m = alpha * Math.pow(gamma(r, 1 / beta), 1 / beta);
            x[i] = (float) (r.nextBoolean() ? m : -m);
        }
        return x;
    }

    /**
     * @param n count
     * @param k shape
     * @param lambda scale
     * @param seed seed
     * @return symmetrized Weibull samples: sign * lambda * (-ln U)^(1/k)
     */
    public static float[] weibull(final int n, final double k, final double lambda, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            final double m = lambda * Math.pow(-Math.log(1 - r.nextDouble()), 1 / k);
            x[i] = (float) (r.nextBoolean() ? m : -m);
        }
        return x;
    }

    /**
     * @param n count
     * @param nu degrees of freedom
     * @param seed seed
     * @return Student-t samples scaled to unit variance (nu &gt; 2)
     */
    public static float[] studentT(final int n, final double nu, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final float[] x = new float[n];
        final double s = Math.sqrt((nu - 2) / nu);
        for (int i = 0; i < n; i++) {
            final double chi2 = 2 * gamma(r, nu / 2);
            x[i] = (float) (s * r.nextGaussian() / Math.sqrt(chi2 / nu));
        }
        return x;
    }
}
