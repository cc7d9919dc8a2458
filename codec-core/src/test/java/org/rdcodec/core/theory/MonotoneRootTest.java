package org.rdcodec.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MonotoneRootTest {

    /** Stopping width passed to the solver; the returned midpoint is within half of it of the root. */
    private static final double TOLERANCE = 1e-14;

    @Test
    void findsRootsOfSmoothKinkedAndFlatFunctions() {
        assertEquals(Math.log(3), MonotoneRoot.solve(x -> 3 - Math.exp(x), -5, 5, TOLERANCE), TOLERANCE);
        // A kink at the root and very different slopes on both sides.
        assertEquals(0.25, MonotoneRoot.solve(x -> x < 0.25 ? 1e6 * (0.25 - x) : 1e-6 * (0.25 - x), 0, 1, TOLERANCE), TOLERANCE);
        // Infinite slope at the root (cube root): regula falsi alone would crawl from one side; the bisection
        // safeguard keeps it bounded.
        assertEquals(0.9, MonotoneRoot.solve(x -> Math.cbrt(0.9 - x), 0, 1, TOLERANCE), 1e-13);
    }

    @Test
    void returnsTheEndWhereTheSignIsAlreadyReached() {
        assertEquals(2.0, MonotoneRoot.solve(x -> -1, 2, 3, TOLERANCE));
        assertEquals(3.0, MonotoneRoot.solve(x -> 1, 2, 3, TOLERANCE));
    }
}
