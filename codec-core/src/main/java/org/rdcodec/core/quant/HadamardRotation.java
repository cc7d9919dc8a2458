package org.rdcodec.core.quant;

/**
 * The randomized Hadamard rotation R = H D of one layer: D flips signs from the shared seed
 * ({@link Dither#STREAM_ROTATION}), H is the orthonormal Walsh-Hadamard transform. The layer is cut into
 * chunks of {@link #MAX_CHUNK}; the last chunk is zero-padded to the next power of two (the padded
 * values are part of the rotated vector and are coded with it). The inverse D H is exact up to float
 * rounding. Works on a heap scratch array that holds the layer.
 */
final class HadamardRotation {

    /** Longest chunk rotated as one transform. */
    static final int MAX_CHUNK = 1 << 16;

    private HadamardRotation() {
    }

    /**
     * @param n coordinates in the layer
     * @return length of the rotated vector (n rounded up chunk by chunk)
     */
    static int paddedLength(final int n) {
        final int full = n / MAX_CHUNK * MAX_CHUNK;
        final int rest = n - full;
        return full + (rest == 0 ? 0 : Integer.highestOneBit(rest) == rest ? rest : Integer.highestOneBit(rest) << 1);
    }

    /**
     * Rotates {@code x[0, n)} in place into {@code x[0, paddedLength(n))}, zero-padding first.
     *
     * @param x scratch of at least {@code paddedLength(n)}
     * @param n coordinates in the layer
     * @param key rotation stream key
     */
    static void forward(final float[] x, final int n, final int key) {
        final int m = paddedLength(n);
        java.util.Arrays.fill(x, n, m, 0f);
        for (int from = 0; from < m; from += MAX_CHUNK) {
            final int len = Math.min(MAX_CHUNK, m - from);
            QuantKernels.HADAMARD.flipSigns(x, from, len, key, from);
            QuantKernels.HADAMARD.transform(x, from, len, (float) (1 / Math.sqrt(len)));
        }
    }

    /**
     * Undoes {@link #forward} in place; the layer is then {@code x[0, n)}.
     *
     * @param x rotated values, {@code paddedLength(n)} of them
     * @param n coordinates in the layer
     * @param key rotation stream key
     */
    static void inverse(final float[] x, final int n, final int key) {
        final int m = paddedLength(n);
        for (int from = 0; from < m; from += MAX_CHUNK) {
            final int len = Math.min(MAX_CHUNK, m - from);
            QuantKernels.HADAMARD.transform(x, from, len, (float) (1 / Math.sqrt(len)));
            QuantKernels.HADAMARD.flipSigns(x, from, len, key, from);
        }
    }
}
