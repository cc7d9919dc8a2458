package org.rdcodec.core.stats;

/**
 * The two-parameter laws M22 fits to gradients, as densities symmetric about 0 whose magnitude |G| has
 * a shape and a scale. For unit scale, a power of the magnitude is Gamma distributed:
 * <ul>
 * <li>{@link #GENNORM}: density beta / (2 alpha Gamma(1/beta)) exp(-(|g|/alpha)^beta); |G|^beta ~ Gamma(1/beta, 1)
 * (beta = 2, alpha = sqrt 2 sigma is the Gaussian; beta = 1 the Laplace);</li>
 * <li>{@link #WEIBULL}: |G| ~ Weibull(k, lambda), sign uniform; |G|^k ~ Exp(1) = Gamma(1, 1).</li>
 * </ul>
 * So E[|G|^m ; a &lt;= |G| &lt; b] = Gamma(a0 + m/p) / Gamma(a0) [P(a0 + m/p, b^p) - P(a0 + m/p, a^p)] with
 * p the power (beta or k) and a0 = 1/beta or 1: every cell integral of the weighted Lloyd design is
 * an incomplete gamma difference.
 */
public enum MagnitudeFamily {
    /** Generalized normal (shape beta, scale alpha). */
    GENNORM("gennorm"),
    /** Symmetrized Weibull (shape k, scale lambda). */
    WEIBULL("weibull");

    private final String specName;

    MagnitudeFamily(final String specName) {
        this.specName = specName;
    }

    /** @return the name used in specs */
    public String specName() {
        return specName;
    }

    /**
     * @param name {@code gennorm} or {@code weibull}
     * @return the family
     */
    public static MagnitudeFamily bySpecName(final String name) {
        for (final MagnitudeFamily f : values()) {
            if (f.specName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown family '" + name + "'; valid: gennorm, weibull");
    }

    /**
     * @param shape beta or k
     * @return the Gamma shape of |G|^shape for unit scale
     */
    double gammaShape(final double shape) {
        return this == GENNORM ? 1 / shape : 1;
    }

    /**
     * E[|G|^m ; a &lt;= |G| &lt; b] for unit scale (a, b &gt;= 0, b may be infinite).
     *
     * @param shape beta or k, &gt; 0
     * @param m power, &gt;= 0
     * @param a lower magnitude
     * @param b upper magnitude
     * @return the partial moment
     */
    public double partialMoment(final double shape, final double m, final double a, final double b) {
        final double a0 = gammaShape(shape);
        final double s = a0 + m / shape;
        final double ua = StrictMath.pow(a, shape);
        final double ub = Double.isInfinite(b) ? Double.POSITIVE_INFINITY : StrictMath.pow(b, shape);
        final double factor = StrictMath.exp(SpecialFunctions.logGamma(s) - SpecialFunctions.logGamma(a0));
        // difference of upper tails where both points lie above the bulk: it keeps its relative accuracy
        final double mass = ua > s ? SpecialFunctions.regularizedGammaQ(s, ua) - SpecialFunctions.regularizedGammaQ(s, ub)
                : SpecialFunctions.regularizedGammaP(s, ub) - SpecialFunctions.regularizedGammaP(s, ua);
        return factor * Math.max(0, mass);
    }

    /**
     * @param shape beta or k
     * @param z magnitude for unit scale, &gt;= 0
     * @return P(|G| &lt;= z)
     */
    public double magnitudeCdf(final double shape, final double z) {
        return SpecialFunctions.regularizedGammaP(gammaShape(shape), StrictMath.pow(z, shape));
    }
}
