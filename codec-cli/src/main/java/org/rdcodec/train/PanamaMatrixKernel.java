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
        float r = 0f;
        if (m > 0) {
            // In index order p_0 .. p_31, as the interface defines (reduceLanes would reassociate).
            final float[] p = new float[BLOCK];
            p0.intoArray(p, 0);
            p1.intoArray(p, LANES);
            p2.intoArray(p, 2 * LANES);
            p3.intoArray(p, 3 * LANES);
            for (int j = 0; j < BLOCK; j++) {
                r += p[j];
            }
        }
        for (int i = m; i < n; i++) {
            r = Math.fma(a[aOff + i], b[bOff + i], r);
        }
        return r;
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
