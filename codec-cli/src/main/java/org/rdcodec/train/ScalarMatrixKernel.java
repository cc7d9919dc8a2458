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

    @Override
    public void dot2(final float[] a, final int aOff, final float[] b, final int b0, final int b1, final int n, final float[] out, final int out0,
            final int out1) {
        out[out0] = dot(a, aOff, b, b0, n);
        out[out1] = dot(a, aOff, b, b1, n);
    }

    @Override
    public void axpy4(final float a0, final float a1, final float a2, final float a3, final float[] x, final int x0, final int x1, final int x2,
            final int x3, final float[] y, final int yOff, final int n) {
        for (int i = 0; i < n; i++) {
            float v = y[yOff + i];
            v = Math.fma(a0, x[x0 + i], v);
            v = Math.fma(a1, x[x1 + i], v);
            v = Math.fma(a2, x[x2 + i], v);
            y[yOff + i] = Math.fma(a3, x[x3 + i], v);
        }
    }
}
