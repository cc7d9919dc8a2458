package org.rdcodec.sw.bp;

import org.rdcodec.sw.ldpc.ParityCheckMatrix;

/**
 * The fast default: layered (row-by-row, "turbo-decoding message passing") normalized/offset min-sum.
 * Each check is processed in turn against the current posteriors, so a check sees its neighbours' updates
 * from the same iteration; that converges in about half the iterations of flooding.
 *
 * <p>Per check c: extrinsic t_e = L_v - R_e; the new message is
 * R_e = (-1)^{s_c} prod_{e' != e} sign(t_e') * alpha * max(0, min_{e' != e} |t_e'| - beta), computed from the
 * two smallest magnitudes; then L_v = t_e + R_e. The sign is taken from the IEEE sign bit everywhere (so -0
 * counts as bit 1, consistently with the hard decision).
 *
 * <p>Early stop at almost no cost: each check's parity is computed from the posteriors it just wrote; only
 * when every check was satisfied at its turn in an iteration (which happens at convergence, rarely before)
 * is the full syndrome checked against the final posteriors. Tracking sign flips instead, to skip that
 * pass, costs a second load per edge and measured slower.
 *
 * <p>Messages are floats in two flat arrays (posteriors by variable, check messages by edge in row order).
 */
public final class LayeredMinSumDecoder implements BeliefPropagation {

    /**
     * Fixed normalization for callers that want one; the default decoder uses {@link #alphaForDegree(int)}.
     */
    public static final float DEFAULT_ALPHA = 0.85f;

    /** Marks "choose alpha from the check degree". */
    private static final float BY_DEGREE = -1f;

    private static final int CERTAIN_BITS = Float.floatToRawIntBits(CERTAIN);

    private final float alpha;
    private final float beta;
    private float[] posterior = new float[0];
    private float[] messages = new float[0];
    private float[] extrinsic = new float[0];
    private long lastIterations;
    private RowLayout layout;
    private double maxPadding = RowLayout.MAX_PADDING;

    /** Normalized min-sum with the normalization chosen per check degree ({@link #alphaForDegree}), no offset. */
    public LayeredMinSumDecoder() {
        this.alpha = BY_DEGREE;
        this.beta = 0f;
    }

    /**
     * Min-sum overestimates a check's message more the more inputs it has, so the best normalization falls
     * with the check degree. Measured on this library's codes at n = 16384 (success at a fixed rate, 10-16
     * blocks per point, src/site/ldpc.md): degree about 7 (BSC 0.11): 0.9-1.0 best, 0.85 worse; degree about
     * 12 (BSC 0.05): 0.85 best of 0.8..0.95; degree about 43 (BSC 0.01): 0.8 best of 0.7..1.0.
     *
     * @param degree check degree
     * @return the normalization factor
     */
    public static float alphaForDegree(final int degree) {
        if (degree <= 8) {
            return 0.9f;
        }
        return degree <= 20 ? 0.85f : 0.8f;
    }

    /**
     * @param alpha normalization factor in (0, 1]
     * @param beta offset, &ge; 0, in LLR units
     */
    public LayeredMinSumDecoder(final float alpha, final float beta) {
        if (!(alpha > 0f && alpha <= 1f) || !(beta >= 0f)) {
            throw new IllegalArgumentException("min-sum: need 0 < alpha <= 1 and beta >= 0, got " + alpha + ", " + beta);
        }
        this.alpha = alpha;
        this.beta = beta;
    }

    @Override
    public String name() {
        return alpha == BY_DEGREE ? "layered-min-sum(alpha=by-degree)"
                : "layered-min-sum(alpha=" + alpha + ",beta=" + beta + ")";
    }

    /**
     * For tests: this decoder walks the matrix rows as they are, never padded ({@link RowLayout}).
     *
     * @return this
     */
    LayeredMinSumDecoder unpadded() {
        maxPadding = -1;
        layout = null;
        return this;
    }

    /** @return true if the last call walked padded rows (for tests) */
    boolean lastLayoutPadded() {
        return layout != null && layout.padded();
    }

    /** @return iterations run by the last call (including a failed one) */
    public long lastIterations() {
        return lastIterations;
    }

    @Override
    public int decode(final ParityCheckMatrix h, final float[] llr, final long[] syndrome, final int maxIterations,
            final long[] out) {
        final int n = h.n();
        final int m = h.m();
        if (layout == null || layout.h != h) {
            layout = RowLayout.of(h, maxPadding);
        }
        final int edges = layout.edges;
        if (posterior.length < n + 1) {
            posterior = new float[n + 1];
        }
        if (messages.length < edges) {
            messages = new float[edges];
        }
        if (extrinsic.length < h.maxRowDegree()) {
            extrinsic = new float[h.maxRowDegree()];
        }
        final float[] post = posterior;
        final float[] r = messages;
        final float[] t = extrinsic;
        Syndromes.loadClamped(h, llr, syndrome, out, post);
        post[n] = Float.POSITIVE_INFINITY; // the phantom variable of padded rows (RowLayout)
        java.util.Arrays.fill(r, 0, edges, 0f);
        final int[] rs = layout.start;
        final int[] rv = layout.vars;
        final int[] degree = layout.degree;
        final float[] alphaOf = new float[h.maxRowDegree() + 1];
        for (int d = 0; d < alphaOf.length; d++) {
            alphaOf[d] = alpha == BY_DEGREE ? alphaForDegree(d) : alpha;
        }
        final float b = beta;
        for (int it = 1; it <= maxIterations; it++) {
            int unsatisfied = 0;
            for (int c = 0; c < m; c++) {
                final int start = rs[c];
                final int end = rs[c + 1];
                final float a = alphaOf[degree[c]];
                final int syn = (int) (syndrome[c >>> 6] >>> c) & 1;
                int sign = syn;
                // magnitudes compared as ints: for non-negative IEEE floats the bit patterns order like the
                // values, and int min/cmov avoids both branch mispredictions and Math.min(float)'s NaN fix-ups
                int min1 = CERTAIN_BITS;
                int min2 = CERTAIN_BITS;
                for (int e = start; e < end; e++) {
                    final float x = post[rv[e]] - r[e];
                    t[e - start] = x;
                    final int xb = Float.floatToRawIntBits(x);
                    sign ^= xb >>> 31;
                    final int mag = xb & 0x7fffffff;
                    min2 = Math.min(min2, Math.max(min1, mag));
                    min1 = Math.min(min1, mag);
                }
                final int m1 = Float.floatToRawIntBits(a * Math.max(Float.intBitsToFloat(min1) - b, 0f));
                final int m2 = Float.floatToRawIntBits(a * Math.max(Float.intBitsToFloat(min2) - b, 0f));
                int parity = syn;
                for (int e = start; e < end; e++) {
                    final float x = t[e - start];
                    final int xb = Float.floatToRawIntBits(x);
                    // the edge with the smallest magnitude gets the second smallest; on a tie min2 == min1, so
                    // selecting by value is exactly what tracking the (first) argmin gives, without its cmov chain
                    final int mag = (xb & 0x7fffffff) == min1 ? m2 : m1;
                    final float msg = Float.intBitsToFloat(mag | ((sign ^ (xb >>> 31)) << 31));
                    r[e] = msg;
                    final float nl = x + msg;
                    final int v = rv[e];
                    parity ^= Float.floatToRawIntBits(nl) >>> 31;
                    post[v] = nl;
                }
                unsatisfied |= parity;
            }
            if (unsatisfied == 0 && Syndromes.satisfied(h, post, syndrome)) {
                lastIterations = it;
                Syndromes.hardDecide(post, n, out);
                return it;
            }
        }
        lastIterations = maxIterations;
        Syndromes.hardDecide(post, n, out);
        return -1;
    }
}
