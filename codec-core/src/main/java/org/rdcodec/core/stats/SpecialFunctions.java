package org.rdcodec.core.stats;

/**
 * Log-gamma, digamma and the regularized incomplete gamma function, in {@link StrictMath} only so that an
 * encoder and a decoder on different JVMs compute the same doubles (the M22 decoder rebuilds its quantizer
 * table from two transmitted parameters and must land on the encoder's table bit for bit).
 */
public final class SpecialFunctions {

    /** Lanczos coefficients (g = 7, n = 9), accurate to ~1e-15 relative for x > 0. */
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    private static final double HALF_LOG_2PI = 0.9189385332046727;
    private static final double EPS = 1e-16;
    private static final int MAX_TERMS = 100_000;

    private SpecialFunctions() {
    }

    /**
     * @param x argument, &gt; 0
     * @return ln Gamma(x)
     */
    public static double logGamma(final double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
        }
        if (x < 0.5) {
            // reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x)
            return StrictMath.log(Math.PI / StrictMath.sin(Math.PI * x)) - logGamma(1 - x);
        }
        final double z = x - 1;
        double a = LANCZOS[0];
        final double t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (z + i);
        }
        return HALF_LOG_2PI + (z + 0.5) * StrictMath.log(t) - t + StrictMath.log(a);
    }

    /**
     * @param x argument, &gt; 0
     * @return psi(x) = d/dx ln Gamma(x)
     */
    public static double digamma(final double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("digamma needs x > 0, got " + x);
        }
        double v = x;
        double acc = 0;
        // recurrence psi(x) = psi(x + 1) - 1/x up to where the asymptotic series is accurate
        while (v < 10) {
            acc -= 1 / v;
            v += 1;
        }
        final double inv2 = 1 / (v * v);
        final double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 / 132))));
        return acc + StrictMath.log(v) - 0.5 / v - series;
    }

    /**
     * @param x argument, &gt; 0
     * @return psi'(x), the trigamma function
     */
    public static double trigamma(final double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("trigamma needs x > 0, got " + x);
        }
        double v = x;
        double acc = 0;
        while (v < 10) {
            acc += 1 / (v * v);
            v += 1;
        }
        final double inv2 = 1 / (v * v);
        final double series = 1 / v + inv2 / 2 + inv2 / v * (1.0 / 6 - inv2 * (1.0 / 30 - inv2 * (1.0 / 42 - inv2 / 30)));
        return acc + series;
    }

    /**
     * The regularized lower incomplete gamma P(s, x) = gamma(s, x) / Gamma(s): the series for x &lt; s + 1,
     * the continued fraction of Q = 1 - P otherwise (each converges fast on its side).
     *
     * @param s shape, &gt; 0
     * @param x argument, &gt;= 0 (may be +infinity)
     * @return P(s, x) in [0, 1]
     */
    public static double regularizedGammaP(final double s, final double x) {
        if (!(s > 0) || !(x >= 0)) {
            throw new IllegalArgumentException("regularizedGammaP needs s > 0 and x >= 0, got s = " + s + ", x = " + x);
        }
        if (x == 0) {
            return 0;
        }
        if (Double.isInfinite(x)) {
            return 1;
        }
        if (x < s + 1) {
            return lowerSeries(s, x);
        }
        return 1 - upperFraction(s, x);
    }

    /**
     * @param s shape, &gt; 0
     * @param x argument, &gt;= 0 (may be +infinity)
     * @return Q(s, x) = 1 - P(s, x), accurate also where it is tiny
     */
    public static double regularizedGammaQ(final double s, final double x) {
        if (!(s > 0) || !(x >= 0)) {
            throw new IllegalArgumentException("regularizedGammaQ needs s > 0 and x >= 0, got s = " + s + ", x = " + x);
        }
        if (x == 0) {
            return 1;
        }
        if (Double.isInfinite(x)) {
            return 0;
        }
        if (x < s + 1) {
            return 1 - lowerSeries(s, x);
        }
        return upperFraction(s, x);
    }

    private static double prefactor(final double s, final double x) {
        return StrictMath.exp(s * StrictMath.log(x) - x - logGamma(s));
    }

    /** sum_n x^n / (s (s+1) ... (s+n)), times x^s e^-x / Gamma(s). */
    private static double lowerSeries(final double s, final double x) {
        double term = 1 / s;
        double sum = term;
        double a = s;
        for (int n = 0; n < MAX_TERMS; n++) {
            a += 1;
            term *= x / a;
            sum += term;
            if (term < sum * EPS) {
                break;
            }
        }
        return Math.min(1, sum * prefactor(s, x));
    }

    /** Lentz's evaluation of the continued fraction for Q(s, x). */
    private static double upperFraction(final double s, final double x) {
        final double tiny = 1e-300;
        double b = x + 1 - s;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_TERMS; i++) {
            final double an = -i * (i - s);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            final double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return Math.max(0, Math.min(1, prefactor(s, x) * h));
    }
}
