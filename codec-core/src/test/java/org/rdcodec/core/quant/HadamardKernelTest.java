package org.rdcodec.core.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Walsh-Hadamard kernels: Vector API against scalar bit for bit, against the matrix, and the rotation's inverse. */
class HadamardKernelTest {

    /** float32 round trip through two O(log n)-stage transforms: relative error a few ulps times log2 n. */
    private static final double ROUND_TRIP_TOLERANCE = 1e-5;

    static IntStream powers() {
        return IntStream.rangeClosed(0, 13).map(k -> 1 << k);
    }

    static IntStream awkward() {
        final int lanes = PanamaDither.FS.length();
        return IntStream.of(0, 1, lanes - 1, lanes + 1, 1000, 4099);
    }

    private static float[] random(final int n, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final float[] x = new float[n + 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("powers")
    void transformPanamaMatchesScalar(final int len) {
        final float[] a = random(len, len);
        final float[] b = a.clone();
        new ScalarHadamardKernel().transform(a, 3, len, 0.37f);
        new PanamaHadamardKernel().transform(b, 3, len, 0.37f);
        assertArrayEquals(a, b);
    }

    @ParameterizedTest
    @MethodSource("awkward")
    void flipSignsPanamaMatchesScalar(final int len) {
        final float[] a = random(len, len);
        final float[] b = a.clone();
        new ScalarHadamardKernel().flipSigns(a, 3, len, 0xabc, 17);
        new PanamaHadamardKernel().flipSigns(b, 3, len, 0xabc, 17);
        assertArrayEquals(a, b);
    }

    @Test
    void transformIsTheHadamardMatrix() {
        final int len = 64;
        final float[] x = random(len, 5);
        final float[] y = x.clone();
        QuantKernels.HADAMARD.transform(y, 0, len, 1f);
        for (int i = 0; i < len; i++) {
            double s = 0;
            for (int j = 0; j < len; j++) {
                s += (Integer.bitCount(i & j) % 2 == 0 ? 1 : -1) * (double) x[j];
            }
            assertEquals(s, y[i], 1e-4, "row " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("awkward")
    void rotationInverts(final int n) {
        final int m = HadamardRotation.paddedLength(n);
        final float[] x = new float[Math.max(m, 1)];
        final float[] orig = random(n, n);
        System.arraycopy(orig, 0, x, 0, n);
        double norm = 0;
        for (int i = 0; i < n; i++) {
            norm += (double) orig[i] * orig[i];
        }
        HadamardRotation.forward(x, n, 99);
        double rotated = 0;
        for (int i = 0; i < m; i++) {
            rotated += (double) x[i] * x[i];
        }
        assertEquals(norm, rotated, ROUND_TRIP_TOLERANCE * Math.max(1, norm), "the rotation keeps the norm");
        HadamardRotation.inverse(x, n, 99);
        for (int i = 0; i < n; i++) {
            assertEquals(orig[i], x[i], ROUND_TRIP_TOLERANCE * 10, "coordinate " + i);
        }
    }

    @Test
    void paddedLengthIsPowerOfTwoPerChunk() {
        assertEquals(0, HadamardRotation.paddedLength(0));
        assertEquals(1, HadamardRotation.paddedLength(1));
        assertEquals(8, HadamardRotation.paddedLength(7));
        assertEquals(HadamardRotation.MAX_CHUNK, HadamardRotation.paddedLength(HadamardRotation.MAX_CHUNK));
        assertEquals(HadamardRotation.MAX_CHUNK + 4, HadamardRotation.paddedLength(HadamardRotation.MAX_CHUNK + 3));
    }
}
