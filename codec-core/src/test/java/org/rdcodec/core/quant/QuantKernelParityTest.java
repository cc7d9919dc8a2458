package org.rdcodec.core.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rdcodec.core.buffer.GradientBuffer;

/** Vector API kernels against their scalar references, bit for bit, on sizes that exercise every tail. */
class QuantKernelParityTest {

    private static final int OFFSET = 5;

    static IntStream sizes() {
        final int lanes = PanamaDither.FS.length();
        return IntStream.of(0, 1, lanes - 1, lanes + 1, 63, 64, 65, 1000, 4099);
    }

    private static GradientBuffer input(final int n, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final GradientBuffer b = GradientBuffer.allocate(n + OFFSET);
        for (int i = 0; i < n; i++) {
            b.set(OFFSET + i, switch (i % 4) {
                case 0 -> (float) r.nextGaussian();
                case 1 -> -0.0f;
                case 2 -> 0.0f;
                default -> (float) (-r.nextDouble());
            });
        }
        return b;
    }

    private static void assertSameBits(final GradientBuffer a, final GradientBuffer b) {
        for (int i = 0; i < a.length(); i++) {
            assertEquals(Float.floatToRawIntBits(a.get(i)), Float.floatToRawIntBits(b.get(i)), "float " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void signPackAndUnpack(final int n) {
        try (GradientBuffer in = input(n, n); GradientBuffer a = GradientBuffer.allocate(n + OFFSET); GradientBuffer b = GradientBuffer.allocate(n + OFFSET)) {
            final long[] ws = new long[(n + 63) / 64];
            final long[] wp = new long[(n + 63) / 64];
            java.util.Arrays.fill(wp, -1L); // the kernel must overwrite stale words
            new ScalarSignKernel().pack(in.segment(), OFFSET, n, ws);
            new PanamaSignKernel().pack(in.segment(), OFFSET, n, wp);
            assertArrayEquals(ws, wp);
            new ScalarSignKernel().unpack(ws, n, 0.75f, a.segment(), OFFSET);
            new PanamaSignKernel().unpack(ws, n, 0.75f, b.segment(), OFFSET);
            assertSameBits(a, b);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void qsgdQuantizeAndReconstruct(final int n) {
        try (GradientBuffer in = input(n, 31 + n); GradientBuffer a = GradientBuffer.allocate(n + OFFSET); GradientBuffer b = GradientBuffer.allocate(n + OFFSET)) {
            final int key = Dither.key(1, 2, 3, 4, Dither.STREAM_ROUNDING);
            final int[] qs = new int[n];
            final int[] qp = new int[n];
            new ScalarQsgdKernel().quantize(in.segment(), OFFSET, n, 3.7f, 4, key, qs);
            new PanamaQsgdKernel().quantize(in.segment(), OFFSET, n, 3.7f, 4, key, qp);
            assertArrayEquals(qs, qp);
            new ScalarQsgdKernel().reconstruct(qs, n, 0.3f, a.segment(), OFFSET);
            new PanamaQsgdKernel().reconstruct(qs, n, 0.3f, b.segment(), OFFSET);
            assertSameBits(a, b);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void ternGradQuantize(final int n) {
        try (GradientBuffer in = input(n, 77 + n)) {
            final int key = Dither.key(5, 6, 7, 8, Dither.STREAM_ROUNDING);
            final int[] qs = new int[n];
            final int[] qp = new int[n];
            new ScalarTernGradKernel().quantize(in.segment(), OFFSET, n, 2.5f, key, qs);
            new PanamaTernGradKernel().quantize(in.segment(), OFFSET, n, 2.5f, key, qp);
            assertArrayEquals(qs, qp);
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void lloydMaxQuantize(final int n) {
        final float[] t = {-1.5f, -0.5f, 0f, 0.5f, 1.5f};
        try (GradientBuffer in = input(n, 91 + n)) {
            final int[] qs = new int[n];
            final int[] qp = new int[n];
            new ScalarLloydMaxKernel().quantize(in.segment(), OFFSET, n, 0.1f, 1.3f, t, qs);
            new PanamaLloydMaxKernel().quantize(in.segment(), OFFSET, n, 0.1f, 1.3f, t, qp);
            assertArrayEquals(qs, qp);
        }
    }
}
