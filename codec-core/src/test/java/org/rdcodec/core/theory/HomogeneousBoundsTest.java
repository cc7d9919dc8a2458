package org.rdcodec.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HomogeneousBoundsTest {

    /** theory.md prints D_sign with 7 decimals: rounding leaves at most 5e-8. */
    private static final double SEVEN_DECIMALS = 5e-8;

    /** theory.md prints the rates with 5 decimals: rounding leaves at most 5e-6. */
    private static final double FIVE_DECIMALS = 5e-6;

    /** Closed forms evaluated two algebraically equal ways differ only by rounding of a few operations. */
    private static final double ROUNDING = 1e-12;

    private static final int K = 10;

    @Test
    void signDistortionMatchesCheckValue() {
        assertEquals(0.1726760, HomogeneousBounds.signDistortion(K, 1, 1), SEVEN_DECIMALS);
    }

    @Test
    void sumRateAndIndependentRateAtSignMatchCheckValues() {
        final double d = HomogeneousBounds.signDistortion(K, 1, 1);
        assertEquals(7.62441, HomogeneousBounds.sumRate(K, 1, 1, d), FIVE_DECIMALS);
        assertEquals(9.53818, HomogeneousBounds.independentRate(K, 1, 1, d), FIVE_DECIMALS);
    }

    @Test
    void independentRateAtSignHasItsOwnClosedForm() {
        for (final double sx2 : new double[] {0.1, 1, 10}) {
            final double d = HomogeneousBounds.signDistortion(K, sx2, 1.0);
            assertEquals(HomogeneousBounds.independentRateAtSign(K), HomogeneousBounds.independentRate(K, sx2, 1.0, d), ROUNDING);
        }
    }

    @Test
    void rhoAndDistortionAreInverse() {
        assertEquals(0.0, HomogeneousBounds.rho(K, 2.0, 0.2), ROUNDING);
        for (final double rho : new double[] {0.01, 0.5, 3, 1000}) {
            final double d = HomogeneousBounds.distortionForRho(K, 2.0, rho);
            assertEquals(rho, HomogeneousBounds.rho(K, 2.0, d), ROUNDING * (1 + rho));
        }
        assertEquals(0.1, HomogeneousBounds.minDistortion(K, 1.0), ROUNDING);
    }

    @Test
    void sumRateIsBelowIndependentRate() {
        for (final double rho : new double[] {0.1, 1, 10, 100}) {
            final double d = HomogeneousBounds.distortionForRho(K, 1, rho);
            assertTrue(HomogeneousBounds.sumRate(K, 1, 1, d) < HomogeneousBounds.independentRate(K, 1, 1, d));
        }
    }

    @Test
    void targetAtOrBelowMinimumIsInfeasibleAndNamesTheMinimum() {
        final InfeasibleTargetException e = assertThrows(InfeasibleTargetException.class,
                () -> HomogeneousBounds.sumRate(K, 1, 1, 0.1));
        assertEquals(0.1, e.getMinDistortion(), ROUNDING);
        assertTrue(e.getMessage().contains("0.100000000"), e.getMessage());
        assertThrows(InfeasibleTargetException.class, () -> HomogeneousBounds.independentRate(K, 1, 1, 0.05));
    }

    @Test
    void badInputsAreRejected() {
        assertThrows(TheoryInputException.class, () -> HomogeneousBounds.sumRate(0, 1, 1, 1));
        assertThrows(TheoryInputException.class, () -> HomogeneousBounds.sumRate(K, Double.NaN, 1, 1));
        assertThrows(TheoryInputException.class, () -> HomogeneousBounds.sumRate(K, 1, -1, 1));
        assertThrows(TheoryInputException.class, () -> HomogeneousBounds.sumRate(K, 1, 1, 0));
        assertThrows(TheoryInputException.class, () -> HomogeneousBounds.signDistortion(K, 0, 1));
        assertThrows(TheoryInputException.class, () -> HomogeneousBounds.distortionForRho(K, 1, Double.POSITIVE_INFINITY));
    }
}
