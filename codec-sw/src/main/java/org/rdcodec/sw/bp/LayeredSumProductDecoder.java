package org.rdcodec.sw.bp;

/**
 * Layered schedule with the exact sum-product check rule ({@link SumProductRule}, double precision): the
 * reference the fast min-sum decoder is measured against. Slow (two transcendental calls per edge).
 */
public final class LayeredSumProductDecoder extends LayeredFloatDecoder {

    private double[] phis = new double[0];
    private float[] inputs = new float[0];

    /** Creates a decoder with empty scratch buffers (one per thread). */
    public LayeredSumProductDecoder() {
    }

    @Override
    public String name() {
        return "layered-sum-product";
    }

    @Override
    void ensureRowScratch(final int maxRowDegree) {
        if (phis.length < maxRowDegree) {
            phis = new double[maxRowDegree];
            inputs = new float[maxRowDegree];
        }
    }

    @Override
    int updateCheck(final float[] post, final float[] r, final float[] t, final int[] rv, final int start, final int deg,
            final int syn) {
        final float[] x = inputs;
        for (int i = 0; i < deg; i++) {
            t[i] = post[rv[start + i]] - r[start + i];
            x[i] = t[i];
        }
        SumProductRule.update(t, phis, deg, syn);
        for (int i = 0; i < deg; i++) {
            r[start + i] = t[i];
            post[rv[start + i]] = x[i] + t[i];
        }
        // no parity tracking: the full syndrome check runs after every pass, as before the shared skeleton
        return 0;
    }
}
