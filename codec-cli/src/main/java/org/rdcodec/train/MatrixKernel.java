package org.rdcodec.train;

/**
 * The two inner loops of the MLP's matrix products, as a kernel family: {@link ScalarMatrixKernel} is the
 * reference, {@link PanamaMatrixKernel} the Vector API twin; {@link MatrixKernels#get()} picks one.
 *
 * <p>Rounding is defined exactly so the twins agree bit for bit:
 * <ul>
 *   <li>{@link #dot}: with {@code m = n - n % BLOCK}, partial sums {@code p_j} ({@code j < BLOCK}) each start at 0
 *       and take {@code p_j = fma(a_i, b_i, p_j)} for {@code i < m, i % BLOCK == j}, in increasing i; the
 *       result starts as {@code ((p_0 + p_1) + p_2) + ... + p_{BLOCK-1}} (float additions in index order), then
 *       takes {@code r = fma(a_i, b_i, r)} for the tail {@code m <= i < n} in order.</li>
 *   <li>{@link #axpy}: {@code y_i = fma(alpha, x_i, y_i)} for each i, independently.</li>
 *   <li>{@link #dot2}: two {@link #dot}s sharing the first vector, each rounded exactly as {@link #dot} (the shared
 *       loads are the gain, not a different sum).</li>
 *   <li>{@link #axpy4}: four {@link #axpy}s into the same y in argument order, i.e. {@code y_i = fma(a3, x3_i,
 *       fma(a2, x2_i, fma(a1, x1_i, fma(a0, x0_i, y_i))))}: bit for bit the four calls, with y loaded and stored once.</li>
 * </ul>
 */
public interface MatrixKernel {

    /** Number of partial sums of {@link #dot}: 4 vectors of 8 float lanes. */
    int BLOCK = 32;

    /**
     * @param a first vector
     * @param aOff its first element
     * @param b second vector
     * @param bOff its first element
     * @param n length, &gt;= 0
     * @return the dot product, rounded as the interface defines
     */
    float dot(float[] a, int aOff, float[] b, int bOff, int n);

    /**
     * {@code y[yOff + i] = fma(alpha, x[xOff + i], y[yOff + i])} for {@code i < n}.
     *
     * @param alpha the scale
     * @param x source
     * @param xOff its first element
     * @param y destination, updated in place
     * @param yOff its first element
     * @param n length, &gt;= 0
     */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

    /**
     * {@code out[out0] = dot(a, aOff, b, b0, n)} and {@code out[out1] = dot(a, aOff, b, b1, n)}, rounded as {@link #dot}.
     *
     * @param a the shared vector (e.g. a weight row)
     * @param aOff its first element
     * @param b holds both second vectors
     * @param b0 first element of the first
     * @param b1 first element of the second
     * @param n length, &gt;= 0
     * @param out receives the two results
     * @param out0 index of the first result
     * @param out1 index of the second result
     */
    void dot2(float[] a, int aOff, float[] b, int b0, int b1, int n, float[] out, int out0, int out1);

    /**
     * The four axpys {@code y += a0 x0; y += a1 x1; y += a2 x2; y += a3 x3} (each an fma per element, in that order).
     *
     * @param a0 first scale
     * @param a1 second scale
     * @param a2 third scale
     * @param a3 fourth scale
     * @param x holds the four sources
     * @param x0 first element of the first source
     * @param x1 first element of the second
     * @param x2 first element of the third
     * @param x3 first element of the fourth
     * @param y destination, updated in place
     * @param yOff its first element
     * @param n length, &gt;= 0
     */
    void axpy4(float a0, float a1, float a2, float a3, float[] x, int x0, int x1, int x2, int x3, float[] y, int yOff, int n);
}
