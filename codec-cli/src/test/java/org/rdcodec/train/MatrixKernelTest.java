package org.rdcodec.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The Panama twin agrees with the scalar reference bit for bit (the rounding order is defined by the interface). */
class MatrixKernelTest {

    private static final int[] SIZES = {0, 1, 7, 8, 9, 31, 32, 33, 1000, 4099};

    private static float[] random(final SplittableRandom r, final int n) {
        final float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1) * (1 << r.nextInt(8));
        }
        return a;
    }

    @Test
    void panamaEqualsScalarOnAwkwardSizes() {
        final MatrixKernel scalar = new ScalarMatrixKernel();
        final MatrixKernel panama = new PanamaMatrixKernel();
        final SplittableRandom r = new SplittableRandom(11);
        for (final int n : SIZES) {
            for (final int off : new int[] {0, 3}) {
                final float[] a = random(r, n + off);
                final float[] b = random(r, n + off);
                assertEquals(Float.floatToRawIntBits(scalar.dot(a, off, b, 0, n)), Float.floatToRawIntBits(panama.dot(a, off, b, 0, n)),
                        "dot n=" + n + " off=" + off);
                final float[] y1 = random(r, n + off);
                final float[] y2 = y1.clone();
                scalar.axpy(0.37f, a, off, y1, 0, n);
                panama.axpy(0.37f, a, off, y2, 0, n);
                for (int i = 0; i < y1.length; i++) {
                    assertEquals(Float.floatToRawIntBits(y1[i]), Float.floatToRawIntBits(y2[i]), "axpy n=" + n + " i=" + i);
                }
            }
        }
    }

    @Test
    void batchedKernelsEqualTheirSingleCallsInBothTwins() {
        final SplittableRandom r = new SplittableRandom(13);
        for (final MatrixKernel kernel : new MatrixKernel[] {new ScalarMatrixKernel(), new PanamaMatrixKernel()}) {
            for (final int n : SIZES) {
                for (final int off : new int[] {0, 3}) {
                    final float[] a = random(r, n + off);
                    final float[] b = random(r, 2 * n + 5);
                    final float[] out = new float[4];
                    kernel.dot2(a, off, b, n + 5, 1, n, out, 3, 0);
                    assertEquals(Float.floatToRawIntBits(kernel.dot(a, off, b, n + 5, n)), Float.floatToRawIntBits(out[3]),
                            kernel + " dot2 first n=" + n);
                    assertEquals(Float.floatToRawIntBits(kernel.dot(a, off, b, 1, n)), Float.floatToRawIntBits(out[0]),
                            kernel + " dot2 second n=" + n);
                    final float[] x = random(r, 4 * n + 9);
                    final float[] y1 = random(r, n + off);
                    final float[] y2 = y1.clone();
                    final float[] s = {0.37f, -1.5f, 2.25f, -0.003f};
                    final int[] xo = {3 * n + 9, 0, n + 1, 2 * n + 7};
                    kernel.axpy4(s[0], s[1], s[2], s[3], x, xo[0], xo[1], xo[2], xo[3], y1, off, n);
                    for (int c = 0; c < 4; c++) {
                        kernel.axpy(s[c], x, xo[c], y2, off, n);
                    }
                    for (int i = 0; i < y1.length; i++) {
                        assertEquals(Float.floatToRawIntBits(y2[i]), Float.floatToRawIntBits(y1[i]), kernel + " axpy4 n=" + n + " i=" + i);
                    }
                }
            }
        }
    }

    @Test
    void scalarDotMatchesDoubleSum() {
        // Rounding of n fma steps plus 32 additions stays below (n + 32) ulps of the sum of |a_i b_i|.
        final SplittableRandom r = new SplittableRandom(5);
        final int n = 4099;
        final float[] a = random(r, n);
        final float[] b = random(r, n);
        double exact = 0;
        double abs = 0;
        for (int i = 0; i < n; i++) {
            exact += (double) a[i] * b[i];
            abs += Math.abs((double) a[i] * b[i]);
        }
        assertEquals(exact, new ScalarMatrixKernel().dot(a, 0, b, 0, n), (n + MatrixKernel.BLOCK) * Math.ulp(1f) * abs);
    }
}
