package org.rdcodec.sw.bp;

import java.util.Arrays;

import org.rdcodec.sw.ldpc.ParityCheckMatrix;

/**
 * Layered schedule with the exact sum-product check rule ({@link SumProductRule}, double precision): the
 * reference the fast min-sum decoder is measured against. Slow (two transcendental calls per edge).
 */
public final class LayeredSumProductDecoder implements BeliefPropagation {

    private float[] posterior = new float[0];
    private float[] messages = new float[0];
    private float[] extrinsic = new float[0];
    private double[] phis = new double[0];

    @Override
    public String name() {
        return "layered-sum-product";
    }

    @Override
    public int decode(final ParityCheckMatrix h, final float[] llr, final long[] syndrome, final int maxIterations,
            final long[] out) {
        final int n = h.n();
        final int m = h.m();
        final int edges = h.edges();
        if (posterior.length < n) {
            posterior = new float[n];
        }
        if (messages.length < edges) {
            messages = new float[edges];
        }
        if (extrinsic.length < h.maxRowDegree()) {
            extrinsic = new float[h.maxRowDegree()];
            phis = new double[h.maxRowDegree()];
        }
        final float[] post = posterior;
        final float[] r = messages;
        final float[] t = extrinsic;
        Syndromes.loadClamped(h, llr, syndrome, out, post);
        Arrays.fill(r, 0, edges, 0f);
        final int[] rs = h.rowStart();
        final int[] rv = h.rowVars();
        for (int it = 1; it <= maxIterations; it++) {
            for (int c = 0; c < m; c++) {
                final int start = rs[c];
                final int deg = rs[c + 1] - start;
                for (int i = 0; i < deg; i++) {
                    t[i] = post[rv[start + i]] - r[start + i];
                }
                final float[] x = Arrays.copyOf(t, deg);
                SumProductRule.update(t, phis, deg, (int) (syndrome[c >>> 6] >>> c) & 1);
                for (int i = 0; i < deg; i++) {
                    r[start + i] = t[i];
                    post[rv[start + i]] = x[i] + t[i];
                }
            }
            if (Syndromes.satisfied(h, post, syndrome)) {
                Syndromes.hardDecide(post, n, out);
                return it;
            }
        }
        Syndromes.hardDecide(post, n, out);
        return -1;
    }
}
