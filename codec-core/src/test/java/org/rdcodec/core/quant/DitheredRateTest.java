package org.rdcodec.core.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rdcodec.core.layout.GradientLayout;

/**
 * The dithered quantizer with entropy coding against the ECDQ oracle of theory.md section 7: on a unit
 * Gaussian at per-coordinate distortion D (step sqrt(12 D)), the rate measured from the frame's bytes
 * is H(q | dither) plus coding and frame overhead, which lies above 1/2 log2(1 + 1/D) and within 0.2546
 * bit of it.
 */
class DitheredRateTest {

    private static final int N = 1 << 20;

    /**
     * Issue 3's bar: measured rate within 0.02 bit of the oracle at 1M samples. The sampling error of
     * the empirical code length is sd(-log2 p(q | u)) / sqrt(n) &lt; 2 bits / 1024 = 0.002 bit, so almost
     * all of the 0.02 is left for the coder (table, context streams, rANS precision) and the frame.
     */
    private static final double ORACLE_TOL = 0.02;

    /** Most any ECDQ exceeds 1/2 log2(1 + s2/D): 1/2 log2(2 pi e / 12) (theory.md section 7). */
    private static final double ECDQ_GAP = 0.2546;

    @ParameterizedTest
    @CsvSource({"1, 0.7508", "0.25, 1.4155", "0.0625, 2.2983", "0.01, 3.5837"})
    void rateMatchesTheEcdqOracle(final double d, final double oracle) {
        final float[] x = CodecHarness.gaussian(N, 1, 42);
        final CodecHarness.Result r = CodecHarness.roundTrip("dithered:step=" + Math.sqrt(12 * d), GradientLayout.ofSizes(N), x, 0, 0);
        final double bits = r.frameBytes() * 8.0 / N;
        final double lower = 0.5 * Math.log(1 + 1 / d) / Math.log(2);
        assertTrue(bits >= lower, "rate " + bits + " below the Gaussian rate-distortion function " + lower);
        assertTrue(bits <= lower + ECDQ_GAP + ORACLE_TOL, "rate " + bits + " more than the ECDQ gap above " + lower);
        assertEquals(oracle, bits, ORACLE_TOL, "measured rate against the ECDQ oracle");
        assertEquals(d, CodecHarness.mse(x, r.xhat()), 0.01 * d, "distortion step^2/12 (sd of the MSE estimate ~ 0.0013 D at 1M)");
    }
}
