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
}
