package org.rdcodec.sw.ldpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RateChoiceTest {

    /** float LLRs carry about 7 significant digits; entropies computed from them agree to this. */
    private static final double FLOAT_LLR_TOLERANCE = 1e-6;

    @Test
    void binaryEntropyKnownValues() {
        assertEquals(1.0, RateChoice.binaryEntropy(0.5), 1e-15);
        assertEquals(0.0, RateChoice.binaryEntropy(0), 0);
        assertEquals(0.4999159582, RateChoice.binaryEntropy(0.11), 1e-9);
    }

    @Test
    void entropyFromBscLlrsIsTheBinaryEntropy() {
        for (final double p : new double[] {0.01, 0.05, 0.11, 0.2}) {
            final float[] llr = new float[1000];
            final float mag = (float) Math.log((1 - p) / p);
            for (int i = 0; i < llr.length; i++) {
                llr[i] = (i % 3 == 0) ? -mag : mag;
            }
            assertEquals(RateChoice.binaryEntropy(p), RateChoice.conditionalEntropy(llr), FLOAT_LLR_TOLERANCE);
            final double lr = Math.log((1 - p) / p) / Math.log(2);
            assertEquals(p * (1 - p) * lr * lr, RateChoice.dispersion(llr), 10 * FLOAT_LLR_TOLERANCE);
        }
        final float[] certain = new float[10];
        Arrays.fill(certain, Float.POSITIVE_INFINITY);
        assertEquals(0.0, RateChoice.conditionalEntropy(certain), 0);
    }

    /**
     * The feedback-free choice is above the entropy, shrinks towards (1 + gap) h as n grows, and the
     * interpolated gap reproduces its table at the measured entropies.
     */
    @Test
    void feedbackFreeRateIsAboveEntropyAndFallsWithBlockLength() {
        for (final double p : new double[] {0.01, 0.05, 0.11, 0.2}) {
            final double h = RateChoice.binaryEntropy(p);
            final double v = RateChoice.bitDispersion(p);
            double previous = Double.MAX_VALUE;
            for (final int n : new int[] {4096, 16384, 65536, 1 << 20}) {
                final double ratio = RateChoice.feedbackFreeBits(n, h, v) / (n * h);
                assertTrue(ratio > 1 + RateChoice.codeGap(n, h), "p=" + p + " n=" + n + " ratio " + ratio);
                assertTrue(ratio < previous, "p=" + p + " n=" + n);
                previous = ratio;
            }
        }
        assertEquals(0.125, RateChoice.codeGap(0.4999), 1e-12);
        // between the entropy-0 column (0.325) and h(0.01) (0.26): linear
        assertEquals(0.325 + (0.01 / 0.0808) * (0.26 - 0.325), RateChoice.codeGap(0.01), 1e-12);
        assertEquals(0.26, RateChoice.codeGap(0.0808), 1e-12);
        assertEquals(0.07 + (0.9 - 0.7219) / (1 - 0.7219) * (0.24 - 0.07), RateChoice.codeGap(0.9), 1e-12);
        // rows by length: the 4096 row below it, the 65536 row above, halfway in log2 n between rows
        assertEquals(0.245, RateChoice.codeGap(4096, 0.2864), 1e-12);
        assertEquals(0.245, RateChoice.codeGap(1000, 0.2864), 1e-12);
        assertEquals(0.148, RateChoice.codeGap(1 << 20, 0.2864), 1e-12);
        assertEquals(0.5 * (0.17 + 0.135), RateChoice.codeGap(8192, 0.4999), 1e-12);
    }
}
