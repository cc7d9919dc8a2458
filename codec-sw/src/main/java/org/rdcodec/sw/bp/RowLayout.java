package org.rdcodec.sw.bp;

import org.rdcodec.sw.ldpc.ParityCheckMatrix;

/**
 * The edge layout the layered min-sum kernels walk: the matrix's rows, each padded to the largest row degree
 * with edges to a phantom variable (index n, whose posterior the decoder pins at +infinity) when that costs at
 * most {@link #MAX_PADDING} extra edges, else the rows as they are.
 *
 * <p>Why: with equal row lengths the two inner loops of every check have the same trip count, so their exits
 * are predicted and the JIT's loop set-up is amortized; with rows of 6, 7 or 8 edges (the usual spread of a PEG
 * code) the mispredicted exits and pre/post loops measured about a third of the decoder's time. A phantom edge
 * changes nothing: its extrinsic value is +infinity (infinity minus a finite message), whose magnitude is above
 * every real one and above the initial minimum ({@link BeliefPropagation#CERTAIN}), whose sign bit is 0, and
 * whose new posterior is again +infinity; so decoding is bit-identical with or without padding (tested).
 */
final class RowLayout {

    /** Padding is used only if it adds at most this fraction of edges (split ladder codes can have rows of d/2 and d). */
    static final double MAX_PADDING = 0.25;

    final ParityCheckMatrix h;
    /** m + 1 offsets into {@link #vars}. */
    final int[] start;
    /** Variable of every (possibly phantom) edge. */
    final int[] vars;
    /** True degree of every row (chooses alpha). */
    final int[] degree;
    /** Total edges of the layout, phantom ones included. */
    final int edges;

    /** @return true if rows were padded with phantom edges */
    boolean padded() {
        return vars != h.rowVars();
    }

    private RowLayout(final ParityCheckMatrix h, final int[] start, final int[] vars, final int[] degree) {
        this.h = h;
        this.start = start;
        this.vars = vars;
        this.degree = degree;
        this.edges = start[start.length - 1];
    }

    /**
     * @param h the matrix
     * @return its padded layout, or its own rows if padding would cost more than {@link #MAX_PADDING}
     */
    static RowLayout of(final ParityCheckMatrix h) {
        return of(h, MAX_PADDING);
    }

    /**
     * @param h the matrix
     * @param maxPadding largest accepted fraction of phantom edges (negative: never pad)
     * @return the layout
     */
    static RowLayout of(final ParityCheckMatrix h, final double maxPadding) {
        final int m = h.m();
        final int[] rs = h.rowStart();
        final int[] rv = h.rowVars();
        final int[] degree = new int[m];
        for (int c = 0; c < m; c++) {
            degree[c] = rs[c + 1] - rs[c];
        }
        final int d = h.maxRowDegree();
        if (maxPadding < 0 || (long) d * m > (1 + maxPadding) * h.edges()) {
            return new RowLayout(h, rs, rv, degree);
        }
        final int[] start = new int[m + 1];
        final int[] vars = new int[d * m];
        final int phantom = h.n();
        for (int c = 0; c < m; c++) {
            start[c + 1] = start[c] + d;
            final int len = rs[c + 1] - rs[c];
            System.arraycopy(rv, rs[c], vars, start[c], len);
            java.util.Arrays.fill(vars, start[c] + len, start[c + 1], phantom);
        }
        return new RowLayout(h, start, vars, degree);
    }
}
