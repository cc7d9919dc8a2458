package org.rdcodec.train;

/** The plain-Java reference of {@link MatrixKernel}, in exactly the rounding order the interface defines. */
public final class ScalarMatrixKernel implements MatrixKernel {

    /** Creates the kernel (stateless). */
    public ScalarMatrixKernel() {
    }

    @Override
    public float dot(final float[] a, final int aOff, final float[] b, final int bOff, final int n) {
        final float[] p = new float[BLOCK];
        final int m = n - n % BLOCK;
        for (int i = 0; i < m; i += BLOCK) {
            for (int j = 0; j < BLOCK; j++) {
                p[j] = Math.fma(a[aOff + i + j], b[bOff + i + j], p[j]);
            }
        }
        float r = 0f;
        for (int j = 0; j < BLOCK; j++) {
            r += p[j];
        }
        for (int i = m; i < n; i++) {
            r = Math.fma(a[aOff + i], b[bOff + i], r);
        }
        return r;
    }

    @Override
    public void axpy(final float alpha, final float[] x, final int xOff, final float[] y, final int yOff, final int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }
}
