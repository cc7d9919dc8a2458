package org.rdcodec.sw.bp;

import java.util.Arrays;

import org.rdcodec.sw.ldpc.ParityCheckMatrix;

/**
 * Flooding schedule (all checks, then all variables, per iteration) with either the normalized min-sum or
 * the exact sum-product check rule. The classical schedule of the literature's rate/h(p) figures; slower to
 * converge than {@link LayeredMinSumDecoder}.
 */
public final class FloodingDecoder implements BeliefPropagation {

    /** Check-node rule. */
    public enum Rule {
        /** normalized min-sum with {@link LayeredMinSumDecoder#alphaForDegree} */
        MIN_SUM,
        /** exact sum-product ({@link SumProductRule}) */
        SUM_PRODUCT
    }

    private final Rule rule;
    private float[] posterior = new float[0];
    private float[] toCheck = new float[0];
    private float[] toVar = new float[0];
    private float[] scratch = new float[0];
    private double[] phis = new double[0];

    /**
     * @param rule the check-node rule
     */
    public FloodingDecoder(final Rule rule) {
        this.rule = rule;
    }

    @Override
    public String name() {
        return "flooding-" + rule.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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
        if (toCheck.length < edges) {
            toCheck = new float[edges];
            toVar = new float[edges];
        }
        if (scratch.length < h.maxRowDegree()) {
            scratch = new float[h.maxRowDegree()];
            phis = new double[h.maxRowDegree()];
        }
        final float[] prior = posterior;
        Syndromes.loadClamped(h, llr, syndrome, out, prior);
        final float[] lin = Arrays.copyOf(prior, n);
        final int[] rs = h.rowStart();
        final int[] rv = h.rowVars();
        final int[] cs = h.colStart();
        final int[] ce = h.colEdge();
        for (int e = 0; e < edges; e++) {
            toCheck[e] = lin[rv[e]];
        }
        for (int it = 1; it <= maxIterations; it++) {
            for (int c = 0; c < m; c++) {
                final int start = rs[c];
                final int deg = rs[c + 1] - start;
                final int syn = (int) (syndrome[c >>> 6] >>> c) & 1;
                if (rule == Rule.SUM_PRODUCT) {
                    System.arraycopy(toCheck, start, scratch, 0, deg);
                    SumProductRule.update(scratch, phis, deg, syn);
                    System.arraycopy(scratch, 0, toVar, start, deg);
                } else {
                    minSumRow(toCheck, toVar, start, deg, syn, LayeredMinSumDecoder.alphaForDegree(deg));
                }
            }
            for (int v = 0; v < n; v++) {
                float total = lin[v];
                for (int k = cs[v]; k < cs[v + 1]; k++) {
                    total += toVar[ce[k]];
                }
                prior[v] = total;
                for (int k = cs[v]; k < cs[v + 1]; k++) {
                    toCheck[ce[k]] = total - toVar[ce[k]];
                }
            }
            if (Syndromes.satisfied(h, prior, syndrome)) {
                Syndromes.hardDecide(prior, n, out);
                return it;
            }
        }
        Syndromes.hardDecide(prior, n, out);
        return -1;
    }

    private static void minSumRow(final float[] in, final float[] outMsg, final int start, final int deg,
            final int syn, final float alpha) {
        int sign = syn;
        float min1 = CERTAIN;
        float min2 = CERTAIN;
        int minAt = -1;
        for (int i = 0; i < deg; i++) {
            final float x = in[start + i];
            sign ^= Float.floatToRawIntBits(x) >>> 31;
            final float mag = Math.abs(x);
            if (mag < min1) {
                min2 = min1;
                min1 = mag;
                minAt = i;
            } else if (mag < min2) {
                min2 = mag;
            }
        }
        for (int i = 0; i < deg; i++) {
            final float mag = alpha * (i == minAt ? min2 : min1);
            final int s = sign ^ (Float.floatToRawIntBits(in[start + i]) >>> 31);
            outMsg[start + i] = s == 0 ? mag : -mag;
        }
    }
}
