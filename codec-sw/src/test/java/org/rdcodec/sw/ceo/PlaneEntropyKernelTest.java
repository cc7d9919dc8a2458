package org.rdcodec.sw.ceo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import jdk.incubator.vector.DoubleVector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API entropy sums against the scalar reference, on every tail size.
 *
 * <p><b>Tolerance.</b> Per term the kernels differ only in exp and log1p (each within 1 ulp of exact, so the terms
 * within a few ulps: {@link #TERM_ULPS}) and in the order of the additions (one partial sum per lane, then the
 * lanes): for nonnegative terms a sum in any order is within (n - 1) u of the exact sum (u = 2^-53, relative),
 * so the two results are within (TERM_ULPS + 2 (n + lanes)) u relative of each other.
 */
class PlaneEntropyKernelTest {

    private static final double U = 0x1p-53;
    /**
     * The two kernels' terms differ by at most 14 u relative (u = 2^-53). Each term a e / (1 + e) + log1p(e),
     * a &gt;= 0, e = exp(-a) in (0, 1], is within 7 u of exact: exp within 1 ulp (&lt;= 2 u); p = e / (1 + e)
     * inherits 2 u from e, plus at most 2 u x e / (1 + e) &lt;= u through 1 + e, plus one rounding each for + and /
     * (5 u); a p adds one rounding (6 u); log1p(e) within 1 ulp (2 u) plus e's error times
     * e / ((1 + e) ln(1 + e)) &lt;= 1 (4 u); the sum of two nonnegative terms adds one rounding (7 u). Two such
     * terms, from the scalar and the Vector API exp/log1p, are within 2 x 7 u of each other.
     */
    private static final double TERM_ULPS = 14;

    static IntStream sizes() {
        final int lanes = DoubleVector.SPECIES_PREFERRED.length();
        return IntStream.of(0, 1, lanes - 1, lanes + 1, 1000, 4099);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void vectorSumsMatchScalar(final int n) {
        final SplittableRandom rnd = new SplittableRandom(7 + n);
        final float[] llr = new float[n + 5];
        for (int i = 0; i < llr.length; i++) {
            // small, moderate, saturated (+-50), exact zero; stale values beyond n must not count
            llr[i] = switch (i % 5) {
                case 0 -> (float) rnd.nextGaussian();
                case 1 -> (float) (rnd.nextGaussian() * 12);
                case 2 -> (i % 2 == 0 ? 1 : -1) * BitPlaneModel.MAX_LLR;
                case 3 -> 0f;
                default -> (float) (rnd.nextDouble() * 40 - 20);
            };
        }
        final int lanes = DoubleVector.SPECIES_PREFERRED.length();
        final double rel = (TERM_ULPS + 2.0 * (n + lanes)) * U;
        final double[] s = new double[3];
        final double[] v = new double[3];
        new ScalarPlaneEntropyKernel().moments(llr, n, s);
        new PanamaPlaneEntropyKernel().moments(llr, n, v);
        for (int j = 0; j < 3; j++) {
            assertEquals(s[j], v[j], rel * s[j], "sum " + j);
        }
        final double h = new ScalarPlaneEntropyKernel().entropyNats(llr, n);
        assertEquals(h, new PanamaPlaneEntropyKernel().entropyNats(llr, n), rel * h);
        assertEquals(s[0], h, 0.0, "moments' entropy is entropyNats");
        if (n == 0) {
            assertEquals(0.0, v[0] + v[1] + v[2] + new PanamaPlaneEntropyKernel().entropyNats(llr, n));
        }
    }
}
