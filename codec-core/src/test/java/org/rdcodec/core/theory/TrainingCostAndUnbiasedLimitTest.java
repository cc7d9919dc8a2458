package org.rdcodec.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrainingCostAndUnbiasedLimitTest {

    /** theory.md prints T with 4 decimals: rounding leaves at most 5e-5. */
    private static final double FOUR_DECIMALS = 5e-5;

    /** Unbiased-limit values are printed with 5 significant digits: half a unit in the last digit, relative. */
    private static final double FIVE_SIGNIFICANT = 5e-5;

    /** A closed form and its inverse agree up to rounding of a few operations. */
    private static final double ROUNDING = 1e-12;

    @Test
    void iterationBoundMatchesCheckValue() {
        assertEquals(119.1608, TrainingCost.iterationBound(1, 1, 0.1, 0.5), FOUR_DECIMALS);
    }

    @Test
    void noiselessIterationBoundIsBetaASquaredOverEps() {
        assertEquals(2.0 * 3.0 / 0.5, TrainingCost.iterationBound(2, 3, 0.5, 0), ROUNDING);
    }

    @Test
    void unbiasedLimitMatchesCheckValues() {
        final double[] expected = {0.33333, 0.06667, 0.015873, 0.0039216};
        for (int bits = 1; bits <= 4; bits++) {
            final double d = UnbiasedLimit.minDistortion(1.0, bits);
            assertEquals(expected[bits - 1], d, FIVE_SIGNIFICANT * expected[bits - 1], "R = " + bits);
            assertEquals(bits, UnbiasedLimit.minRate(1.0, d), ROUNDING);
        }
    }

    @Test
    void badInputsAreRejected() {
        assertThrows(TheoryInputException.class, () -> TrainingCost.iterationBound(1, 1, 0, 1));
        assertThrows(TheoryInputException.class, () -> TrainingCost.iterationBound(1, 1, 0.1, Double.NaN));
        assertThrows(TheoryInputException.class, () -> UnbiasedLimit.minDistortion(1, 0));
        assertThrows(TheoryInputException.class, () -> UnbiasedLimit.minRate(-1, 1));
    }
}
