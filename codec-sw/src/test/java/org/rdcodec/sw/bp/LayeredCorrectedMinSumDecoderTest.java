package org.rdcodec.sw.bp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LayeredCorrectedMinSumDecoderTest {

    /**
     * box(a, b) in float against 2 atanh(tanh(a / 2) tanh(b / 2)) in double: the float result of a formula
     * with magnitudes up to 20 carries a relative rounding error of a few float ulps (2^-23 ~ 1.2e-7 each), so
     * 1e-5 relative (plus 1e-6 absolute for results near 0) is about 100 ulps of room.
     */
    private static final double BOX_TOLERANCE_RELATIVE = 1e-5;

    @Test
    void boxPlusIsTheExactTwoInputCheckRule() {
        final float[] values = {0f, 0.01f, 0.3f, 1f, 2.09f, 4.6f, 7.5f, 20f};
        for (final float a : values) {
            for (final float b : values) {
                final double exact = 2 * atanh(Math.tanh(a / 2.0) * Math.tanh(b / 2.0));
                final float got = LayeredCorrectedMinSumDecoder.boxPlus(a, b);
                assertEquals(exact, got, 1e-6 + BOX_TOLERANCE_RELATIVE * exact, "box(" + a + ", " + b + ")");
                assertTrue(got <= Math.min(a, b), "never above min-sum's message");
                assertEquals(got, LayeredCorrectedMinSumDecoder.boxPlus(b, a), "symmetric");
            }
        }
        assertEquals(3f, LayeredCorrectedMinSumDecoder.boxPlus(3f, Float.POSITIVE_INFINITY));
        assertEquals(3f, LayeredCorrectedMinSumDecoder.boxPlus(Float.POSITIVE_INFINITY, 3f));
    }

    private static double atanh(final double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
