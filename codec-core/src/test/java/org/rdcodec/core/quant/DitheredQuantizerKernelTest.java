package org.rdcodec.core.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rdcodec.core.buffer.GradientBuffer;

class DitheredQuantizerKernelTest {

    private static final int OFFSET = 3;

    static IntStream sizes() {
        final int lanes = PanamaDitheredQuantizerKernel.lanes();
        return IntStream.of(0, 1, lanes - 1, lanes, lanes + 1, 1000, 4099);
    }

    /** Values that stress the floor: integers and half-integers of the scaled grid, negatives, zeros, tiny and large. */
    private static float[] awkward(final int n, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = switch (i % 6) {
                case 0 -> (float) r.nextGaussian();
                case 1 -> (float) (r.nextInt(-50, 50) * 0.25);
                case 2 -> (float) (r.nextInt(-50, 50) * 0.25 + 0.125);
                case 3 -> -0.0f;
                case 4 -> (float) (r.nextGaussian() * 1e-6);
                default -> (float) (r.nextGaussian() * 1e4);
            };
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void panamaEqualsScalarBitForBit(final int n) {
        final float[] x = awkward(n, 11 + n);
        final float step = 0.25f;
        final int key = Dither.key(7, 3, 2, 1, Dither.STREAM_DITHER);
        try (GradientBuffer in = GradientBuffer.allocate(n + OFFSET);
             GradientBuffer outS = GradientBuffer.allocate(n + OFFSET);
             GradientBuffer outP = GradientBuffer.allocate(n + OFFSET)) {
            in.copyFrom(x, 0, OFFSET, n);
            final int[] qs = new int[n];
            final int[] qp = new int[n];
            new ScalarDitheredQuantizerKernel().quantize(in.segment(), OFFSET, n, 1f / step, key, qs);
            new PanamaDitheredQuantizerKernel().quantize(in.segment(), OFFSET, n, 1f / step, key, qp);
            assertArrayEquals(qs, qp);
            new ScalarDitheredQuantizerKernel().reconstruct(qs, n, step, key, outS.segment(), OFFSET);
            new PanamaDitheredQuantizerKernel().reconstruct(qs, n, step, key, outP.segment(), OFFSET);
            final float[] a = outS.toArray();
            final float[] b = outP.toArray();
            for (int i = 0; i < a.length; i++) {
                assertEquals(Float.floatToRawIntBits(a[i]), Float.floatToRawIntBits(b[i]), "index " + i);
            }
            // the reconstruction error is inside the cell: |xhat - x| <= step/2 up to float rounding of x*invStep
            for (int i = 0; i < n; i++) {
                final double err = Math.abs((double) a[OFFSET + i] - x[i]);
                assertTrue(err <= step / 2 * (1 + 1e-6) + Math.ulp(x[i]) * 2, "index " + i + " error " + err);
            }
        }
    }

    /** The fused pass gives the same indices as the plain one and the bins of the definition, in both twins. */
    @ParameterizedTest
    @MethodSource("sizes")
    void binsMatchTheDefinitionInBothTwins(final int n) {
        final float[] x = awkward(n, 23 + n);
        final int key = Dither.key(5, 1, 0, 4, Dither.STREAM_DITHER);
        final DitheredQuantizerKernel[] twins = {new ScalarDitheredQuantizerKernel(), new PanamaDitheredQuantizerKernel()};
        try (GradientBuffer in = GradientBuffer.allocate(n + OFFSET)) {
            in.copyFrom(x, 0, OFFSET, n);
            final int[] plain = new int[n];
            new ScalarDitheredQuantizerKernel().quantize(in.segment(), OFFSET, n, 4f, key, plain);
            for (int bits = 1; bits <= DitheredQuantizerKernel.MAX_BIN_BITS; bits++) {
                final byte[] expected = new byte[n];
                for (int i = 0; i < n; i++) {
                    expected[i] = (byte) Math.floor(Dither.unit(key, i) * (1 << bits));
                }
                for (final DitheredQuantizerKernel k : twins) {
                    final int[] q = new int[n];
                    final byte[] fused = new byte[n + 1];
                    final byte[] alone = new byte[n + 1];
                    fused[n] = 99;
                    alone[n] = 99;
                    k.quantize(in.segment(), OFFSET, n, 4f, key, q, bits, fused);
                    k.bins(n, key, bits, alone);
                    assertArrayEquals(plain, q, k + " bits " + bits);
                    assertArrayEquals(expected, java.util.Arrays.copyOf(fused, n), k + " bits " + bits);
                    assertArrayEquals(expected, java.util.Arrays.copyOf(alone, n), k + " bits " + bits);
                    assertEquals(99, fused[n], "wrote past count");
                    assertEquals(99, alone[n], "wrote past count");
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void binBitsOutsideTheRangeAreRefused() {
        final byte[] b = new byte[4];
        for (final DitheredQuantizerKernel k : new DitheredQuantizerKernel[] {new ScalarDitheredQuantizerKernel(), new PanamaDitheredQuantizerKernel()}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> k.bins(4, 1, 0, b));
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> k.bins(4, 1, DitheredQuantizerKernel.MAX_BIN_BITS + 1, b));
        }
    }
}
