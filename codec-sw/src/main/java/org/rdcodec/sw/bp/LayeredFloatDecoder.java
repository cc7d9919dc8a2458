package org.rdcodec.sw.bp;

import java.util.Arrays;

import org.rdcodec.sw.ldpc.ParityCheckMatrix;

/**
 * The layered schedule with float messages, shared by the scalar reference decoders that differ only in their
 * check rule ({@link LayeredSumProductDecoder}, {@link LayeredCorrectedMinSumDecoder}): posteriors loaded from
 * the clamped LLRs, check messages R_e starting at 0, then per iteration every check in order updated in place
 * by {@link #updateCheck}, and a stop as soon as the syndrome is satisfied.
 *
 * <p>The rule may report the parity of the hard decisions it leaves on its check (1 = unsatisfied at that moment);
 * any report of 1 in a pass skips that pass's full syndrome check, which only runs when every check was met as it
 * was updated. A rule that always reports 0 gets the full check after every pass.
 */
abstract class LayeredFloatDecoder implements BeliefPropagation {

    private float[] posterior = new float[0];
    private float[] messages = new float[0];
    private float[] extrinsic = new float[0];

    /**
     * Updates one check in place: reads the posteriors of its variables and its old messages, writes its new
     * messages {@code r[start .. start + deg)} and the new posteriors.
     *
     * @param post posteriors, n
     * @param r check messages, one per edge in row order
     * @param t scratch of at least the largest row degree
     * @param rv the variable of each edge in row order
     * @param start the check's first edge
     * @param deg the check's degree
     * @param syn the check's syndrome bit
     * @return 1 if the hard decisions on the check's variables fail its parity right after the update (or 0 if the
     *         rule does not track it)
     */
    abstract int updateCheck(float[] post, float[] r, float[] t, int[] rv, int start, int deg, int syn);

    /**
     * Grows any scratch of the rule's own to the largest row degree (called before each decode).
     *
     * @param maxRowDegree the matrix's largest check degree
     */
    void ensureRowScratch(final int maxRowDegree) {
    }

    @Override
    public final int decode(final ParityCheckMatrix h, final float[] llr, final long[] syndrome, final int maxIterations,
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
        }
        ensureRowScratch(h.maxRowDegree());
        final float[] post = posterior;
        final float[] r = messages;
        final float[] t = extrinsic;
        Syndromes.loadClamped(h, llr, syndrome, out, post);
        Arrays.fill(r, 0, edges, 0f);
        final int[] rs = h.rowStart();
        final int[] rv = h.rowVars();
        for (int it = 1; it <= maxIterations; it++) {
            int unsatisfied = 0;
            for (int c = 0; c < m; c++) {
                final int start = rs[c];
                unsatisfied |= updateCheck(post, r, t, rv, start, rs[c + 1] - start, (int) (syndrome[c >>> 6] >>> c) & 1);
            }
            if (unsatisfied == 0 && Syndromes.satisfied(h, post, syndrome)) {
                Syndromes.hardDecide(post, n, out);
                return it;
            }
        }
        Syndromes.hardDecide(post, n, out);
        return -1;
    }
}
