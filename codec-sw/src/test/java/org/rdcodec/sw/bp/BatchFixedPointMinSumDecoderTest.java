package org.rdcodec.sw.bp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.rdcodec.sw.ldpc.CodeCache;
import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.ParityCheckMatrix;
import org.rdcodec.sw.ldpc.RateChoice;
import org.rdcodec.sw.ldpc.SyndromeCodingException;
import org.rdcodec.sw.ldpc.SyndromeEncoder;
import org.rdcodec.sw.ldpc.TestSources;

/** The 16-bit batch decoder gives, block by block, exactly its scalar twin's result (FixedPointRules). */
class BatchFixedPointMinSumDecoderTest {

    /** Enough for most blocks at 1.25 h(p) to converge and the noisy third to fail. */
    private static final int ITERATIONS = 20;

    @Test
    void everyLaneEqualsTheScalarTwinNormalized() {
        everyLaneEqualsTheScalarTwin(FixedPointCheckRule.NORMALIZED_MIN_SUM);
    }

    @Test
    void everyLaneEqualsTheScalarTwinCorrected() {
        everyLaneEqualsTheScalarTwin(FixedPointCheckRule.CORRECTED_MIN_SUM);
    }

    private static void everyLaneEqualsTheScalarTwin(final FixedPointCheckRule rule) {
        final int lanes = BatchFixedPointMinSumDecoder.lanes();
        final int vectorLanes = lanes; // block lengths around the vector width as well as the usual sizes
        int converged = 0;
        int failed = 0;
        // rows seen per attenuation tier of the corrected rule (none, 0.906, 0.844), so that all three are compared
        final int[] tierRows = new int[3];
        for (final int n : new int[] {2, vectorLanes - 1, vectorLanes + 1, 1000, 4099}) {
            // the longest block at two rates only: before C2 compiles the kernel the batch runs interpreted, and
            // it dominates; p = 0.01 and 0.05 give checks of degree ~40 and ~12 (attenuated), p = 0.11 ~6 (not)
            for (final double p : n > 1000 ? new double[] {0.01, 0.11} : new double[] {0.01, 0.05, 0.11}) {
                final int m = Math.max(1, Math.min(n, (int) Math.ceil(1.25 * n * RateChoice.binaryEntropy(p))));
                final LadderCode code = CodeCache.get(n, m, 3);
                final ParityCheckMatrix h = code.base();
                for (int c = 0; c < h.m(); c++) {
                    final int d = h.rowStart()[c + 1] - h.rowStart()[c];
                    tierRows[d <= FixedPointRules.CORRECTED_PLAIN_DEGREE ? 0
                            : d <= FixedPointRules.CORRECTED_MILD_DEGREE ? 1 : 2]++;
                }
                final SplittableRandom rnd = new SplittableRandom(n + (long) (p * 100));
                final float[][] llr = new float[lanes][];
                final long[][] syn = new long[lanes][];
                final long[][] out = new long[lanes][];
                // lanes - 2 blocks (a third of them too noisy to decode), one empty lane, one block whose
                // LLRs include infinities and zeros
                for (int j = 0; j < lanes - 1; j++) {
                    final long[] x = TestSources.randomBlock(n, rnd);
                    llr[j] = TestSources.bscLlr(x, n, j % 3 == 2 ? 0.3 : p, rnd);
                    syn[j] = SyndromeEncoder.encode(code, x);
                    out[j] = new long[(n + 63) >>> 6];
                }
                final float[] odd = llr[lanes - 2];
                for (int i = 0; i < n; i += 7) {
                    odd[i] = i % 14 == 0 ? 0f : Math.copySign(Float.POSITIVE_INFINITY, odd[i]);
                }
                final int[] its = new BatchFixedPointMinSumDecoder(rule).decode(h, llr, syn, ITERATIONS, out);
                final LayeredFixedPointMinSumDecoder scalar = new LayeredFixedPointMinSumDecoder(rule);
                for (int j = 0; j < lanes - 1; j++) {
                    final long[] expected = new long[(n + 63) >>> 6];
                    final int it = scalar.decode(h, llr[j], syn[j], ITERATIONS, expected);
                    assertEquals(it, its[j], "iterations, lane " + j + " n=" + n + " p=" + p);
                    assertArrayEquals(expected, out[j], "bits, lane " + j + " n=" + n + " p=" + p);
                    converged += it > 0 ? 1 : 0;
                    failed += it < 0 ? 1 : 0;
                }
                assertEquals(-1, its[lanes - 1]);
            }
        }
        // the comparison covered both outcomes and every attenuation tier
        assertTrue(converged > 0 && failed > 0, converged + " converged, " + failed + " failed");
        assertTrue(tierRows[0] > 0 && tierRows[1] > 0 && tierRows[2] > 0, java.util.Arrays.toString(tierRows));
    }

    @Test
    void correctedAttenuationByDegree() {
        // none up to degree 9 (x >> 15 is 0 for every 16-bit magnitude), (4, 5) up to 20, (3, 5) above
        for (final int d : new int[] {1, 2, 5, 9}) {
            assertEquals(FixedPointRules.NO_SHIFT, FixedPointRules.correctedShift1(d));
            assertEquals(FixedPointRules.NO_SHIFT, FixedPointRules.correctedShift2(d));
        }
        for (final int d : new int[] {10, 14, 20}) {
            assertEquals(4, FixedPointRules.correctedShift1(d));
            assertEquals(5, FixedPointRules.correctedShift2(d));
        }
        for (final int d : new int[] {21, 40, 1000}) {
            assertEquals(3, FixedPointRules.correctedShift1(d));
            assertEquals(5, FixedPointRules.correctedShift2(d));
        }
        final int none = FixedPointRules.NO_SHIFT;
        for (int x = 0; x <= FixedPointRules.MAX; x++) {
            assertEquals(x, FixedPointRules.normalize(x, none, none), "identity at " + x);
        }
        // shifts round down: 100 - 6 - 3 = 91 (0.906), 100 - 12 - 3 = 85 (0.844); the largest magnitude stays >= 0
        assertEquals(91, FixedPointRules.normalize(100, 4, 5));
        assertEquals(85, FixedPointRules.normalize(100, 3, 5));
        assertEquals(32767 - 4095 - 1023, FixedPointRules.normalize(FixedPointRules.MAX, 3, 5));
    }

    @Test
    void rejectsWrongBatchSizeAndNaN() {
        final ParityCheckMatrix h = CodeCache.get(100, 50, 1).base();
        final BatchFixedPointMinSumDecoder dec = new BatchFixedPointMinSumDecoder();
        assertThrows(SyndromeCodingException.class, () -> dec.decode(h, new float[1][], new long[1][], 10,
                new long[1][]));
        final int lanes = BatchFixedPointMinSumDecoder.lanes();
        final float[][] llr = new float[lanes][];
        final long[][] syn = new long[lanes][];
        final long[][] out = new long[lanes][];
        llr[0] = new float[100];
        llr[0][42] = Float.NaN;
        syn[0] = new long[1];
        out[0] = new long[2];
        assertThrows(SyndromeCodingException.class, () -> dec.decode(h, llr, syn, 10, out));
        llr[0] = new float[99];
        assertThrows(SyndromeCodingException.class, () -> dec.decode(h, llr, syn, 10, out));
    }

    /**
     * Largest distance of the three-line correction from 32 ln(1 + e^-(q/32)) over all q: 1.17 units at the
     * chosen intercepts (computed offline over q in [0, 2000); beyond 2000 both are below 1e-27), so 1.2 units
     * (0.0375 LLR) bounds it with the rounding of the check.
     */
    private static final double CORRECTION_TOLERANCE = 1.2;

    @Test
    void correctionApproximatesLnOnePlusExpMinusX() {
        double worst = 0;
        for (int q = 0; q <= FixedPointRules.MAX; q++) {
            final double exact = FixedPointRules.SCALE * Math.log1p(Math.exp(-q / (double) FixedPointRules.SCALE));
            worst = Math.max(worst, Math.abs(FixedPointRules.correction(q) - exact));
        }
        assertTrue(worst <= CORRECTION_TOLERANCE, "worst error " + worst);
        // the rounding rule, pinned: the envelope of 22 - q/2, 18 - q/4, 7 - q/16 (shifts round down) and 0
        assertEquals(22, FixedPointRules.correction(0));
        assertEquals(21, FixedPointRules.correction(3));
        assertEquals(19, FixedPointRules.correction(7));
        assertEquals(10, FixedPointRules.correction(32));
        assertEquals(4, FixedPointRules.correction(56));
        assertEquals(3, FixedPointRules.correction(64));
        assertEquals(1, FixedPointRules.correction(111));
        assertEquals(0, FixedPointRules.correction(112));
        assertEquals(0, FixedPointRules.correction(FixedPointRules.MAX));
        // box(a, b) = max(0, a + F(sat16(a + b)) - F(b - a)), saturating sum, never negative, never above a
        assertEquals(0, FixedPointRules.boxPlus(0, 0));
        assertEquals(0, FixedPointRules.boxPlus(5, 5));
        assertEquals(32 + 1 - 10, FixedPointRules.boxPlus(32, 64));
        assertEquals(FixedPointRules.MAX - 22, FixedPointRules.boxPlus(FixedPointRules.MAX, FixedPointRules.MAX));
        assertEquals(1000, FixedPointRules.boxPlus(1000, FixedPointRules.MAX));
        for (int a = 0; a < 300; a++) {
            for (int b = a; b < 300; b++) {
                final int x = FixedPointRules.boxPlus(a, b);
                assertTrue(x >= 0 && x <= a, "box(" + a + ", " + b + ") = " + x);
            }
        }
    }

    @Test
    void vectorWidthChoice() {
        final int preferred = jdk.incubator.vector.ShortVector.SPECIES_PREFERRED.vectorBitSize();
        assertEquals(preferred, BatchFixedPointMinSumDecoder.species(0).vectorBitSize());
        assertEquals(128, BatchFixedPointMinSumDecoder.species(128).vectorBitSize());
        assertEquals(8, BatchFixedPointMinSumDecoder.species(128).length());
        assertThrows(SyndromeCodingException.class, () -> BatchFixedPointMinSumDecoder.species(64));
        assertThrows(SyndromeCodingException.class, () -> BatchFixedPointMinSumDecoder.species(300));
        assertThrows(SyndromeCodingException.class, () -> BatchFixedPointMinSumDecoder.species(2 * preferred));
        // the property's value: unset, blank, not a number or refused all give the preferred width (a warning,
        // not an error in class initialization); a valid value is taken
        assertEquals(preferred, BatchFixedPointMinSumDecoder.configuredSpecies(null).vectorBitSize());
        assertEquals(preferred, BatchFixedPointMinSumDecoder.configuredSpecies(" ").vectorBitSize());
        assertEquals(preferred, BatchFixedPointMinSumDecoder.configuredSpecies("wide").vectorBitSize());
        assertEquals(preferred, BatchFixedPointMinSumDecoder.configuredSpecies("64").vectorBitSize());
        assertEquals(128, BatchFixedPointMinSumDecoder.configuredSpecies(" 128").vectorBitSize());
    }

    @Test
    void quantizationRule() {
        assertEquals(0, FixedPointRules.quantize(0f));
        assertEquals(32, FixedPointRules.quantize(1f));
        assertEquals(-2048, FixedPointRules.quantize(Float.NEGATIVE_INFINITY));
        assertEquals(2048, FixedPointRules.quantize(1e9f));
        // rint: ties to even (1/64 LLR is half a step)
        assertEquals(0, FixedPointRules.quantize(1f / 64));
        assertEquals(2, FixedPointRules.quantize(3f / 64));
    }
}
