package org.rdcodec.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The maximum-likelihood fits recover known parameters within their standard errors. */
class MagnitudeFitTest {

    /** Each estimate must lie within this many standard errors of the truth (two-sided p ~ 6e-7 per check). */
    private static final double Z = 5;

    /**
     * Kolmogorov-Smirnov: sqrt(n) D_n exceeds 1.63 with probability 1% for a fully specified law; with
     * fitted parameters D_n is smaller (Lilliefors), so 1.63 / sqrt(n) is conservative at p &lt; 1%.
     */
    private static final double KS_CRITICAL = 1.63;

    /**
     * Inverse Fisher information per observation of the generalized normal, with a = 1/beta, W = (|X|/alpha)^beta ~ Gamma(a, 1):
     * I_alpha,alpha = beta / alpha^2, I_ab = -(1 + psi(1 + a)) / (alpha beta), I_bb = Var(W ln W) / beta^2 with
     * E[W^2 ln^2 W] = a (a + 1) [psi'(a + 2) + psi(a + 2)^2] and E[W ln W] = a psi(a + 1).
     */
    private static double[] gennormSe(final double beta, final double alpha, final int n) {
        final double a = 1 / beta;
        final double iaa = beta / (alpha * alpha);
        final double iab = -(1 + SpecialFunctions.digamma(1 + a)) / (alpha * beta);
        final double psi2 = SpecialFunctions.digamma(a + 2);
        final double ew2l2 = a * (a + 1) * (SpecialFunctions.trigamma(a + 2) + psi2 * psi2);
        final double ewl = a * SpecialFunctions.digamma(a + 1);
        final double ibb = (ew2l2 - ewl * ewl) / (beta * beta);
        final double det = iaa * ibb - iab * iab;
        // the inverse of [[I_aa, I_ab], [I_ab, I_bb]]: Var(alpha) = I_bb / det, Var(beta) = I_aa / det
        return new double[] {Math.sqrt(ibb / det / n), Math.sqrt(iaa / det / n)};
    }

    /** Weibull: Var(k) = 6 k^2 / (pi^2 n), Var(lambda) = lambda^2 (1 + 6 (1 - gamma)^2 / pi^2) / (k^2 n). */
    private static double[] weibullSe(final double k, final double lambda, final int n) {
        final double euler = 0.5772156649015329;
        return new double[] {Math.sqrt(6 * k * k / (Math.PI * Math.PI * n)),
            Math.sqrt(lambda * lambda * (1 + 6 * (1 - euler) * (1 - euler) / (Math.PI * Math.PI)) / (k * k * n))};
    }

    @ParameterizedTest
    @CsvSource({"0.5, 0.01, 1000", "0.5, 3e-7, 100000", "1, 2, 100000", "2, 1.4142135623730951, 100000", "4, 1e5, 20000"})
    void gennormFitRecoversShapeAndScale(final double beta, final double alpha, final int n) {
        final float[] x = MagnitudeSamples.gennorm(n, beta, alpha, 11);
        final MagnitudeFit fit = MagnitudeFit.fit(MagnitudeFamily.GENNORM, x, n);
        final double[] se = gennormSe(beta, alpha, n);
        assertEquals(beta, fit.shape(), Z * se[1], "shape " + fit);
        assertEquals(alpha, fit.scale(), Z * se[0], "scale " + fit);
        assertTrue(fit.passes() <= 20, "passes " + fit.passes());
        final double ks = fit.ksDistance(x, n);
        assertTrue(ks < KS_CRITICAL / Math.sqrt(n), "KS " + ks);
    }

    @ParameterizedTest
    @CsvSource({"0.7, 0.02, 1000", "1, 1, 100000", "2.5, 1e-6, 100000"})
    void weibullFitRecoversShapeAndScale(final double k, final double lambda, final int n) {
        final float[] x = MagnitudeSamples.weibull(n, k, lambda, 12);
        final MagnitudeFit fit = MagnitudeFit.fit(MagnitudeFamily.WEIBULL, x, n);
        final double[] se = weibullSe(k, lambda, n);
        assertEquals(k, fit.shape(), Z * se[0], "shape " + fit);
        assertEquals(lambda, fit.scale(), Z * se[1], "scale " + fit);
        final double ks = fit.ksDistance(x, n);
        assertTrue(ks < KS_CRITICAL / Math.sqrt(n), "KS " + ks);
    }

    @Test
    void wrongFamilyShowsInTheKsDistance() {
        final int n = 100_000;
        final float[] x = MagnitudeSamples.gennorm(n, 2, 1, 13);
        final MagnitudeFit weibull = MagnitudeFit.fit(MagnitudeFamily.WEIBULL, x, n);
        // a Gaussian magnitude is not Weibull: the best Weibull misses by far more than sampling noise
        assertTrue(weibull.ksDistance(x, n) > 3 * KS_CRITICAL / Math.sqrt(n), "KS " + weibull.ksDistance(x, n));
    }

    @Test
    void sampleOfALongLayerIsDeterministicAndFitsTheSameLaw() {
        final int n = 1 << 20;
        final float[] x = MagnitudeSamples.gennorm(n, 1, 1, 14);
        final java.lang.foreign.MemorySegment seg = java.lang.foreign.MemorySegment.ofArray(x);
        final int cap = 1 << 16;
        final float[] s1 = new float[cap];
        final float[] s2 = new float[cap];
        assertEquals(cap, MagnitudeFit.sample(seg, 0, n, cap, s1));
        MagnitudeFit.sample(seg, 0, n, cap, s2);
        assertTrue(java.util.Arrays.equals(s1, s2));
        final MagnitudeFit fit = MagnitudeFit.fit(MagnitudeFamily.GENNORM, s1, cap);
        final double[] se = gennormSe(1, 1, cap);
        assertEquals(1, fit.shape(), Z * se[1], "shape " + fit);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> MagnitudeFit.fit(MagnitudeFamily.GENNORM, new float[] {1, Float.NaN, 2}, 3));
        assertThrows(IllegalArgumentException.class, () -> MagnitudeFit.fit(MagnitudeFamily.WEIBULL, new float[] {0, 0, 3}, 3));
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.regularizedGammaP(-1, 1));
    }

    @Test
    void specialFunctionsMatchKnownValues() {
        assertEquals(Math.log(24), SpecialFunctions.logGamma(5), 1e-13);
        assertEquals(0.5 * Math.log(Math.PI), SpecialFunctions.logGamma(0.5), 1e-13);
        assertEquals(-0.5772156649015329, SpecialFunctions.digamma(1), 1e-12);
        assertEquals(Math.PI * Math.PI / 6, SpecialFunctions.trigamma(1), 1e-12);
        // P(1, x) = 1 - e^-x; P(1/2, x^2) = erf(x)
        assertEquals(1 - Math.exp(-3), SpecialFunctions.regularizedGammaP(1, 3), 1e-14);
        // erf(1.5) and erfc(4) to 16 digits
        assertEquals(0.9661051464753108, SpecialFunctions.regularizedGammaP(0.5, 2.25), 1e-14);
        assertEquals(1.541725790028002e-8, SpecialFunctions.regularizedGammaQ(0.5, 16), 1e-20);
    }
}
