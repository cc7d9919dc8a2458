package org.rdcodec.core.quant;

/**
 * In-place fast Walsh-Hadamard transform and shared-seed random sign flips, the two halves of the
 * randomized Hadamard rotation. Exact definition (the scalar implementation is the reference):
 * <pre>
 * transform: for h = 1, 2, 4, ..., len/2: for every pair (i, i + h) with bit h of i clear:
 *              (x_i, x_{i+h}) &lt;- (x_i + x_{i+h}, x_i - x_{i+h})
 *            then x_i &lt;- x_i * scale
 * flipSigns: x_i &lt;- -x_i where bit 0 of {@link Dither#hash}(key, first + i) is set
 * </pre>
 */
public interface HadamardKernel {

    /**
     * @param x data
     * @param from first index
     * @param len a power of two
     * @param scale factor applied after the butterflies (1 / sqrt(len) for the orthonormal transform)
     */
    void transform(float[] x, int from, int len, float scale);

    /**
     * @param x data
     * @param from first index
     * @param len number of values
     * @param key rotation stream key
     * @param first stream index of x[from]
     */
    void flipSigns(float[] x, int from, int len, int key, int first);
}
