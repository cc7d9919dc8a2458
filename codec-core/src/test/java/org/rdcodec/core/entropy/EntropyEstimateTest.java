package org.rdcodec.core.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EntropyEstimateTest {

    /** Sums of a few dozen doubles: exact to ~1e-15 relative; 1e-9 is far below any figure reported. */
    private static final double EPS = 1e-9;

    @Test
    void closedForms() {
        assertEquals(0.0, EntropyEstimate.totalBits(new int[0], 0, 0));
        assertEquals(0.0, EntropyEstimate.totalBits(new int[] {3, 3, 3, 3}, 0, 4));
        assertEquals(8.0, EntropyEstimate.totalBits(new int[] {-1, 5, Integer.MIN_VALUE, Integer.MAX_VALUE}, 0, 4), EPS);
        // p = (1/2, 1/4, 1/4): 1.5 bits per symbol.
        assertEquals(1.5, EntropyEstimate.bitsPerSymbol(new int[] {9, 0, 0, 1, 2, 0}, 1, 4), EPS);
    }
}
