package org.rdcodec.train;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link ScalarMatrixKernel}: {@link #dot} keeps its {@link MatrixKernel#BLOCK} = 32
 * partial sums in four 256-bit accumulators (lane {@code l} of accumulator {@code v} is {@code p_{8v+l}}),
 * so the rounding is the scalar one exactly. Uses 256-bit vectors only; {@link MatrixKernels} falls back to
 * the scalar kernel where they are not native ({@link #NATIVE_256}).
 */
public final class PanamaMatrixKernel implements MatrixKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int LANES = S.length();

    /** Whether this JVM's preferred float vectors are at least 256 bits wide (else 256-bit ops are emulated, slowly). */
    public static final boolean NATIVE_256 = FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256;

    /** Creates the kernel (stateless). */
    public PanamaMatrixKernel() {
    }

    @Override
    public float dot(final float[] a, final int aOff, final float[] b, final int bOff, final int n) {
        FloatVector p0 = FloatVector.zero(S);
        FloatVector p1 = FloatVector.zero(S);
        FloatVector p2 = FloatVector.zero(S);
        FloatVector p3 = FloatVector.zero(S);
        final int m = n - n % BLOCK;
        for (int i = 0; i < m; i += BLOCK) {
            p0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), p0);
            p1 = FloatVector.fromArray(S, a, aOff + i + LANES).fma(FloatVector.fromArray(S, b, bOff + i + LANES), p1);
            p2 = FloatVector.fromArray(S, a, aOff + i + 2 * LANES).fma(FloatVector.fromArray(S, b, bOff + i + 2 * LANES), p2);
            p3 = FloatVector.fromArray(S, a, aOff + i + 3 * LANES).fma(FloatVector.fromArray(S, b, bOff + i + 3 * LANES), p3);
        }
        float r = m > 0 ? sumInOrder(p0, p1, p2, p3) : 0f;
        for (int i = m; i < n; i++) {
            r = Math.fma(a[aOff + i], b[bOff + i], r);
        }
        return r;
    }

    /** ((p_0 + p_1) + p_2) + ... + p_31 in index order, as the interface defines (reduceLanes would reassociate). */
    private static float sumInOrder(final FloatVector p0, final FloatVector p1, final FloatVector p2, final FloatVector p3) {
        final float[] p = new float[BLOCK];
        p0.intoArray(p, 0);
        p1.intoArray(p, LANES);
        p2.intoArray(p, 2 * LANES);
        p3.intoArray(p, 3 * LANES);
        float r = 0f;
        for (int j = 0; j < BLOCK; j++) {
            r += p[j];
        }
        return r;
    }

    @Override
    public void dot2(final float[] a, final int aOff, final float[] b, final int b0, final int b1, final int n, final float[] out, final int out0,
            final int out1) {
        // Eight accumulators (four per result) and the four shared loads of a fit the sixteen 256-bit registers.
        FloatVector p0 = FloatVector.zero(S);
        FloatVector p1 = FloatVector.zero(S);
        FloatVector p2 = FloatVector.zero(S);
        FloatVector p3 = FloatVector.zero(S);
        FloatVector q0 = FloatVector.zero(S);
        FloatVector q1 = FloatVector.zero(S);
        FloatVector q2 = FloatVector.zero(S);
        FloatVector q3 = FloatVector.zero(S);
        final int m = n - n % BLOCK;
        for (int i = 0; i < m; i += BLOCK) {
            final FloatVector a0 = FloatVector.fromArray(S, a, aOff + i);
            final FloatVector a1 = FloatVector.fromArray(S, a, aOff + i + LANES);
            final FloatVector a2 = FloatVector.fromArray(S, a, aOff + i + 2 * LANES);
            final FloatVector a3 = FloatVector.fromArray(S, a, aOff + i + 3 * LANES);
            p0 = a0.fma(FloatVector.fromArray(S, b, b0 + i), p0);
            p1 = a1.fma(FloatVector.fromArray(S, b, b0 + i + LANES), p1);
            p2 = a2.fma(FloatVector.fromArray(S, b, b0 + i + 2 * LANES), p2);
            p3 = a3.fma(FloatVector.fromArray(S, b, b0 + i + 3 * LANES), p3);
            q0 = a0.fma(FloatVector.fromArray(S, b, b1 + i), q0);
            q1 = a1.fma(FloatVector.fromArray(S, b, b1 + i + LANES), q1);
            q2 = a2.fma(FloatVector.fromArray(S, b, b1 + i + 2 * LANES), q2);
            q3 = a3.fma(FloatVector.fromArray(S, b, b1 + i + 3 * LANES), q3);
        }
        float r0 = m > 0 ? sumInOrder(p0, p1, p2, p3) : 0f;
        float r1 = m > 0 ? sumInOrder(q0, q1, q2, q3) : 0f;
        for (int i = m; i < n; i++) {
            r0 = Math.fma(a[aOff + i], b[b0 + i], r0);
            r1 = Math.fma(a[aOff + i], b[b1 + i], r1);
        }
        out[out0] = r0;
        out[out1] = r1;
    }

    @Override
    public void axpy4(final float a0, final float a1, final float a2, final float a3, final float[] x, final int x0, final int x1, final int x2,
            final int x3, final float[] y, final int yOff, final int n) {
        final FloatVector v0 = FloatVector.broadcast(S, a0);
        final FloatVector v1 = FloatVector.broadcast(S, a1);
        final FloatVector v2 = FloatVector.broadcast(S, a2);
        final FloatVector v3 = FloatVector.broadcast(S, a3);
        final int m = S.loopBound(n);
        int i = 0;
        for (; i < m; i += LANES) {
            FloatVector v = FloatVector.fromArray(S, y, yOff + i);
            v = v0.fma(FloatVector.fromArray(S, x, x0 + i), v);
            v = v1.fma(FloatVector.fromArray(S, x, x1 + i), v);
            v = v2.fma(FloatVector.fromArray(S, x, x2 + i), v);
            v3.fma(FloatVector.fromArray(S, x, x3 + i), v).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            float v = y[yOff + i];
            v = Math.fma(a0, x[x0 + i], v);
            v = Math.fma(a1, x[x1 + i], v);
            v = Math.fma(a2, x[x2 + i], v);
            y[yOff + i] = Math.fma(a3, x[x3 + i], v);
        }
    }

    @Override
    public void axpy(final float alpha, final float[] x, final int xOff, final float[] y, final int yOff, final int n) {
        final FloatVector va = FloatVector.broadcast(S, alpha);
        final int m = S.loopBound(n);
        int i = 0;
        for (; i < m; i += LANES) {
            va.fma(FloatVector.fromArray(S, x, xOff + i), FloatVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }
}
