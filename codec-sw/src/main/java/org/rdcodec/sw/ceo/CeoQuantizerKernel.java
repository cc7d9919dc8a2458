package org.rdcodec.sw.ceo;

/**
 * The CEO worker's dithered quantization, q_i = floor(s_i) with s_i = (y_i / (double) step + u_i) + 0.5 in
 * double arithmetic (each operation rounded to nearest, no fused multiply-add) and u_i =
 * {@link org.rdcodec.core.quant.Dither#centred}(key, i), with the index range in the same pass.
 * Implementations ({@code ScalarCeoQuantizerKernel}, {@code PanamaCeoQuantizerKernel}, found by
 * {@link org.rdcodec.core.simd.VectorizationProvider}) agree bit for bit and are thread-safe.
 */
public interface CeoQuantizerKernel {

    /**
     * Quantizes y[off .. off + n) into q[0 .. n) unless some |s_i| exceeds maxAbs.
     *
     * @param y the values (finite)
     * @param off first value
     * @param n count
     * @param step the step, &gt; 0
     * @param key dither stream key (value off + i uses stream index i)
     * @param maxAbs largest |s_i| allowed, at most 2^30
     * @param q receives the indices
     * @return {@code (long) qmax << 32 | (qmin & 0xffffffffL)} (qmin = qmax = 0 for n = 0), or -1 - i for the
     *         first i with |s_i| &gt; maxAbs (q is then undefined)
     */
    default long quantize(float[] y, int off, int n, float step, int key, double maxAbs, int[] q) {
        return quantize(y, off, n, step, key, maxAbs, q, null);
    }

    /**
     * As {@link #quantize(float[], int, int, float, int, double, int[])}, and writes each coordinate's dither
     * hash {@link org.rdcodec.core.quant.Dither#hash}(key, i) (the dither and its entropy context derive from it).
     *
     * @param y the values (finite)
     * @param off first value
     * @param n count
     * @param step the step, &gt; 0
     * @param key dither stream key
     * @param maxAbs largest |s_i| allowed, at most 2^30
     * @param q receives the indices
     * @param hash receives the n hashes, or null
     * @return as the other overload
     */
    long quantize(float[] y, int off, int n, float step, int key, double maxAbs, int[] q, int[] hash);

    /** @return the smallest index of a result of {@link #quantize} */
    static int min(final long range) {
        return (int) range;
    }

    /** @return the largest index of a result of {@link #quantize} */
    static int max(final long range) {
        return (int) (range >> 32);
    }
}
