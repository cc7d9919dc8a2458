package org.rdcodec.sw.ceo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import jdk.incubator.vector.DoubleVector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rdcodec.core.quant.Dither;

/** The Vector API quantizer against the scalar reference and the definition, bit for bit, on every tail size. */
class CeoQuantizerKernelTest {

    private static final int OFF = 3;

    static IntStream sizes() {
        final int lanes = DoubleVector.SPECIES_PREFERRED.length();
        return IntStream.of(0, 1, lanes - 1, lanes + 1, 1000, 4099);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void vectorEqualsScalarEqualsDefinition(final int n) {
        final SplittableRandom rnd = new SplittableRandom(n);
        final float[] y = new float[OFF + n + 2];
        for (int i = 0; i < y.length; i++) {
            // Gaussian values, exact multiples of the step (floor at integers), negative zero
            y[i] = switch (i % 4) {
                case 0 -> (float) (rnd.nextGaussian() * 5);
                case 1 -> 0.75f * (rnd.nextInt(41) - 20);
                case 2 -> -0.0f;
                default -> (float) (-rnd.nextDouble() * 30);
            };
        }
        final float step = 0.75f;
        final int key = 0x5eed + n;
        final int[] expected = new int[n];
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            expected[i] = (int) Math.floor(y[OFF + i] / (double) step + Dither.centred(key, i) + 0.5);
            lo = Math.min(lo, expected[i]);
            hi = Math.max(hi, expected[i]);
        }
        final int[] scalar = new int[n];
        final int[] vector = new int[n];
        final int[] hashes = new int[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = Dither.hash(key, i);
        }
        final int[] hs = new int[n];
        final int[] hv = new int[n];
        final long rs = new ScalarCeoQuantizerKernel().quantize(y, OFF, n, step, key, CeoWorkerEncoder.MAX_INDEX, scalar, hs);
        final long rv = new PanamaCeoQuantizerKernel().quantize(y, OFF, n, step, key, CeoWorkerEncoder.MAX_INDEX, vector, hv);
        assertArrayEquals(expected, scalar);
        assertArrayEquals(expected, vector);
        assertArrayEquals(hashes, hs);
        assertArrayEquals(hashes, hv);
        // without hashes: the same indices
        final int[] again = new int[n];
        assertEquals(rv, new PanamaCeoQuantizerKernel().quantize(y, OFF, n, step, key, CeoWorkerEncoder.MAX_INDEX, again));
        assertArrayEquals(expected, again);
        assertEquals(rs, rv);
        assertEquals(n == 0 ? 0 : lo, CeoQuantizerKernel.min(rs));
        assertEquals(n == 0 ? 0 : hi, CeoQuantizerKernel.max(rs));
        if (n > 2) {
            // an oversized value is reported at its index by both
            final float[] big = Arrays.copyOf(y, y.length);
            big[OFF + n - 2] = 1e7f;
            assertEquals(-1L - (n - 2), new ScalarCeoQuantizerKernel().quantize(big, OFF, n, step, key,
                    CeoWorkerEncoder.MAX_INDEX, scalar));
            assertEquals(-1L - (n - 2), new PanamaCeoQuantizerKernel().quantize(big, OFF, n, step, key,
                    CeoWorkerEncoder.MAX_INDEX, vector));
        }
    }
}
