package org.rdcodec.sw.bp;

import org.rdcodec.sw.ldpc.ParityCheckMatrix;

/**
 * Layered min-sum (normalized or corrected, {@link FixedPointCheckRule}) with 16-bit saturated fixed-point
 * messages, one block at a time: the scalar twin of {@link BatchFixedPointMinSumDecoder}, following
 * {@link FixedPointRules} exactly (so a block decodes to the same bits in the same number of iterations in
 * either, for the same rule). Useful on its own where blocks cannot be batched;
 * the batch decoder is the fast one. Not thread-safe (scratch buffers).
 */
public final class LayeredFixedPointMinSumDecoder implements BeliefPropagation {

    private short[] posterior = new short[0];
    private short[] messages = new short[0];
    private short[] extrinsic = new short[0];
    private long lastIterations;
    private final FixedPointCheckRule rule;

    /** A decoder with {@link FixedPointCheckRule#defaultRule()}. */
    public LayeredFixedPointMinSumDecoder() {
        this(FixedPointCheckRule.defaultRule());
    }

    /** @param rule the check rule */
    public LayeredFixedPointMinSumDecoder(final FixedPointCheckRule rule) {
        this.rule = rule;
    }

    @Override
    public String name() {
        return rule == FixedPointCheckRule.NORMALIZED_MIN_SUM ? "layered-min-sum-fixed16"
                : "layered-corrected-min-sum-fixed16";
    }

    /** @return the check rule */
    public FixedPointCheckRule rule() {
        return rule;
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
        final int edges = h.edges();
        if (posterior.length < n) {
            posterior = new short[n];
        }
        if (messages.length < edges) {
            messages = new short[edges];
        }
        if (extrinsic.length < h.maxRowDegree()) {
            extrinsic = new short[h.maxRowDegree()];
        }
        final short[] post = posterior;
        final short[] r = messages;
        final short[] t = extrinsic;
        FixedPointRules.load(h, llr, syndrome, out, post);
        java.util.Arrays.fill(r, 0, edges, (short) 0);
        final int[] rs = h.rowStart();
        final int[] rv = h.rowVars();
        final boolean corrected = rule == FixedPointCheckRule.CORRECTED_MIN_SUM;
        for (int it = 1; it <= maxIterations; it++) {
            int unsatisfied = 0;
            for (int c = 0; c < m; c++) {
                final int syn = (int) (syndrome[c >>> 6] >>> c) & 1;
                unsatisfied |= corrected ? correctedCheck(post, r, t, rv, rs[c], rs[c + 1], syn)
                        : normalizedCheck(post, r, t, rv, rs[c], rs[c + 1], syn);
            }
            if (unsatisfied == 0 && FixedPointRules.satisfied(h, post, syndrome)) {
                lastIterations = it;
                FixedPointRules.hardDecide(post, n, out);
                return it;
            }
        }
        lastIterations = maxIterations;
        FixedPointRules.hardDecide(post, n, out);
        return -1;
    }

    /** One check of normalized min-sum; @return its parity after the update (1: unsatisfied) */
    private static int normalizedCheck(final short[] post, final short[] r, final short[] t, final int[] rv,
            final int start, final int end, final int syn) {
        final int max = FixedPointRules.MAX;
        int sign = syn;
        int min1 = max;
        int min2 = max;
        for (int e = start; e < end; e++) {
            final int x = Math.max(FixedPointRules.sat16(post[rv[e]] - r[e]), -max);
            t[e - start] = (short) x;
            sign ^= x >>> 31;
            final int mag = Math.abs(x);
            min2 = Math.min(min2, Math.max(min1, mag));
            min1 = Math.min(min1, mag);
        }
        final int d = end - start;
        final int s1 = FixedPointRules.shift1(d);
        final int s2 = FixedPointRules.shift2(d);
        final int m1 = FixedPointRules.normalize(min1, s1, s2);
        final int m2 = FixedPointRules.normalize(min2, s1, s2);
        int parity = syn;
        for (int e = start; e < end; e++) {
            final int x = t[e - start];
            final int mag = Math.abs(x) == min1 ? m2 : m1;
            final int msg = ((sign ^ (x >>> 31)) & 1) != 0 ? -mag : mag;
            r[e] = (short) msg;
            final int nl = FixedPointRules.sat16(x + msg);
            post[rv[e]] = (short) nl;
            parity ^= nl >>> 31;
        }
        return parity;
    }

    /** One check of corrected min-sum; @return its parity after the update (1: unsatisfied) */
    private static int correctedCheck(final short[] post, final short[] r, final short[] t, final int[] rv,
            final int start, final int end, final int syn) {
        final int max = FixedPointRules.MAX;
        int sign = syn;
        int min1 = max;
        int min2 = max;
        int min3 = max;
        for (int e = start; e < end; e++) {
            final int x = Math.max(FixedPointRules.sat16(post[rv[e]] - r[e]), -max);
            t[e - start] = (short) x;
            sign ^= x >>> 31;
            final int mag = Math.abs(x);
            min3 = Math.min(min3, Math.max(min2, mag));
            min2 = Math.min(min2, Math.max(min1, mag));
            min1 = Math.min(min1, mag);
        }
        final int d = end - start;
        final int s1 = FixedPointRules.correctedShift1(d);
        final int s2 = FixedPointRules.correctedShift2(d);
        final int m12 = FixedPointRules.normalize(FixedPointRules.boxPlus(min1, min2), s1, s2);
        final int m13 = FixedPointRules.normalize(FixedPointRules.boxPlus(min1, min3), s1, s2);
        final int m23 = FixedPointRules.normalize(FixedPointRules.boxPlus(min2, min3), s1, s2);
        int parity = syn;
        for (int e = start; e < end; e++) {
            final int x = t[e - start];
            final int a = Math.abs(x);
            final int mag = a == min1 ? m23 : a == min2 ? m13 : m12;
            final int msg = ((sign ^ (x >>> 31)) & 1) != 0 ? -mag : mag;
            r[e] = (short) msg;
            final int nl = FixedPointRules.sat16(x + msg);
            post[rv[e]] = (short) nl;
            parity ^= nl >>> 31;
        }
        return parity;
    }
}
