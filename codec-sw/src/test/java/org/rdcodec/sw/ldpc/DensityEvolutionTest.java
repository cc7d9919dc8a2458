package org.rdcodec.sw.ldpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DensityEvolutionTest {

    /** Published BP threshold of the regular (3,6) ensemble on the BSC (Richardson and Urbanke): p* = 0.084. */
    private static final double SUM_PRODUCT_36_THRESHOLD = 0.084;

    /**
     * Allowed distance of the discretized threshold from the published one: the grid (8 points per channel
     * LLR) and linear splitting of box-plus results move it; measured bracket (0.083, 0.084), so 0.002 on
     * either side is a loose but still discriminating bound (the min-sum threshold of the same code, 0.063,
     * and the capacity limit, 0.11, are far outside it).
     */
    private static final double GRID_TOLERANCE = 0.002;

    /** Flooding iterations: near threshold DE needs hundreds (122 at p = 0.083). */
    private static final int ITERATIONS = 600;

    private static final double[] REGULAR_3 = {0, 0, 0, 1};

    @Test
    void sumProductMatchesThePublishedRegular36Threshold() {
        final DensityEvolution de = new DensityEvolution(REGULAR_3, DensityEvolution.concentratedChecks(6),
                DensityEvolution.Rule.SUM_PRODUCT, d -> 1, ITERATIONS);
        assertTrue(de.iterationsToConverge(SUM_PRODUCT_36_THRESHOLD - GRID_TOLERANCE) > 0, "converges below p*");
        assertEquals(-1, de.iterationsToConverge(SUM_PRODUCT_36_THRESHOLD + GRID_TOLERANCE), "fails above p*");
    }

    /**
     * Min-sum overestimates every check message, so plain min-sum has a lower threshold than sum-product, and
     * normalization by about 0.8 recovers most of the loss (the reason the decoders normalize): with this tool,
     * (3,6) plain min-sum 0.0626, alpha 0.8 0.0819.
     */
    @Test
    void minSumIsBelowSumProductAndNormalizationRecoversMostOfIt() {
        final DensityEvolution plain = new DensityEvolution(REGULAR_3, DensityEvolution.concentratedChecks(6),
                DensityEvolution.Rule.MIN_SUM, d -> 1, ITERATIONS);
        final DensityEvolution normalized = new DensityEvolution(REGULAR_3, DensityEvolution.concentratedChecks(6),
                DensityEvolution.Rule.MIN_SUM, d -> 0.8, ITERATIONS);
        assertTrue(plain.iterationsToConverge(0.06) > 0);
        assertEquals(-1, plain.iterationsToConverge(0.07));
        assertTrue(normalized.iterationsToConverge(0.078) > 0);
        assertEquals(-1, normalized.iterationsToConverge(SUM_PRODUCT_36_THRESHOLD + GRID_TOLERANCE));
    }

    /** Check degrees mix the two integers around the mean so that the mean is exact. */
    @Test
    void concentratedChecksKeepTheMean() {
        final double[] c = DensityEvolution.concentratedChecks(11.25);
        assertEquals(0.75, c[11], 1e-12);
        assertEquals(0.25, c[12], 1e-12);
        assertEquals(11.25, 11 * c[11] + 12 * c[12], 1e-12);
    }

    /** The IRA ensemble of {@link DegreeProfile}: a fraction r of degree 2, the rest split 3 / d_hi. */
    @Test
    void iraProfileMatchesDegreeProfile() {
        final int n = 65536;
        final int m = 6554;
        final DegreeProfile p = DegreeProfile.forShape(n, m);
        final double[] de = DensityEvolution.ira(m / (double) n, p.highDegree(),
                DegreeProfile.BAND_HIGH_FRACTION[DegreeProfile.band(m / (double) n)]);
        assertEquals(p.degreeTwo() / (double) n, de[2], 1e-4);
        assertEquals(p.degreeThree() / (double) n, de[3], 1e-4);
        assertEquals(p.highCount() / (double) n, de[p.highDegree()], 1e-4);
        assertArrayEquals(de, DensityEvolution.general(m / (double) n, "3=0.7,9=0.3"), 1e-12);
    }
}
