package org.rdcodec.sw.bp;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.rdcodec.sw.ldpc.ParityCheckMatrix;

/**
 * {@link LayeredMinSumDecoder} for {@link #lanes()} blocks at once (same code, different sources and side
 * information), with the Vector API: lane j of every vector belongs to block j, and messages are stored
 * interleaved (posterior of variable v, block j at {@code v * lanes + j}), so each edge is one contiguous vector
 * load instead of a gather per block. The arithmetic per lane is exactly the scalar decoder's (same operations
 * in the same order on IEEE floats and their bit patterns), so each block's result is bit-identical to
 * decoding it alone with the same alpha rule; tested.
 *
 * <p>A block stops counting once its syndrome holds (its hard decisions are taken at that iteration); the
 * batch runs until every block has converged or the limit is reached. Not thread-safe.
 */
public final class BatchLayeredMinSumDecoder {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final int L = F.length();
    private static final int CERTAIN_BITS = Float.floatToRawIntBits(BeliefPropagation.CERTAIN);
    private static final int SIGN = 0x80000000;

    private float[] post = new float[0];
    private float[] msgs = new float[0];
    private float[] ext = new float[0];
    private int[] synSign = new int[0];
    private float[] scratch = new float[0];
    private RowLayout layout;

    /** @return blocks decoded per call (float lanes of the preferred species: 8 with AVX2) */
    public static int lanes() {
        return L;
    }

    /**
     * @param h the matrix
     * @param llr {@link #lanes()} arrays of n LLRs (null entries are skipped: their result is -1)
     * @param syndromes {@link #lanes()} packed syndromes of h.m() bits
     * @param maxIterations iteration limit
     * @param out {@link #lanes()} arrays receiving the hard decisions
     * @return per block: iterations used, or -1
     */
    public int[] decode(final ParityCheckMatrix h, final float[][] llr, final long[][] syndromes,
            final int maxIterations, final long[][] out) {
        if (llr.length != L || syndromes.length != L || out.length != L) {
            throw new org.rdcodec.sw.ldpc.SyndromeCodingException("batch decoder: need " + L + " blocks, got "
                    + llr.length + " LLR arrays, " + syndromes.length + " syndromes, " + out.length + " outputs");
        }
        final int n = h.n();
        final int m = h.m();
        if (layout == null || layout.h != h) {
            layout = RowLayout.of(h);
        }
        final int edges = layout.edges;
        if (post.length < (n + 1) * L) {
            post = new float[(n + 1) * L];
        }
        if (msgs.length < edges * L) {
            msgs = new float[edges * L];
        }
        if (ext.length < h.maxRowDegree() * L) {
            ext = new float[h.maxRowDegree() * L];
        }
        if (synSign.length < m * L) {
            synSign = new int[m * L];
        }
        if (scratch.length < n) {
            scratch = new float[n];
        }
        final float[] scratch = this.scratch;
        // the phantom variable of padded rows (RowLayout)
        Arrays.fill(post, n * L, (n + 1) * L, Float.POSITIVE_INFINITY);
        final boolean[] active = new boolean[L];
        for (int j = 0; j < L; j++) {
            active[j] = llr[j] != null;
            if (!active[j]) {
                for (int v = 0; v < n; v++) {
                    post[v * L + j] = BeliefPropagation.CERTAIN;
                }
                for (int c = 0; c < m; c++) {
                    synSign[c * L + j] = 0;
                }
                continue;
            }
            Syndromes.loadClamped(h, llr[j], syndromes[j], out[j], scratch);
            for (int v = 0; v < n; v++) {
                post[v * L + j] = scratch[v];
            }
            for (int c = 0; c < m; c++) {
                synSign[c * L + j] = (int) ((syndromes[j][c >>> 6] >>> c) & 1L) << 31;
            }
        }
        Arrays.fill(msgs, 0, edges * L, 0f);
        final float[] alphaOf = new float[h.maxRowDegree() + 1];
        for (int d = 0; d < alphaOf.length; d++) {
            alphaOf[d] = LayeredMinSumDecoder.alphaForDegree(d);
        }
        final int[] result = new int[L];
        Arrays.fill(result, -1);
        final int[] rs = layout.start;
        final int[] rv = layout.vars;
        final int[] degree = layout.degree;
        final float[] p = post;
        final float[] r = msgs;
        final float[] t = ext;
        int pending = 0;
        for (final boolean a : active) {
            pending += a ? 1 : 0;
        }
        for (int it = 1; it <= maxIterations && pending > 0; it++) {
            final long unsatisfied = sweep(m, rs, rv, degree, alphaOf, p, r, t);
            for (int j = 0; j < L; j++) {
                if (active[j] && (unsatisfied >>> j & 1L) == 0) {
                    for (int v = 0; v < n; v++) {
                        scratch[v] = p[v * L + j];
                    }
                    if (Syndromes.satisfied(h, scratch, syndromes[j])) {
                        Syndromes.hardDecide(scratch, n, out[j]);
                        result[j] = it;
                        active[j] = false;
                        pending--;
                    }
                }
            }
        }
        for (int j = 0; j < L; j++) {
            if (active[j]) {
                for (int v = 0; v < n; v++) {
                    scratch[v] = p[v * L + j];
                }
                Syndromes.hardDecide(scratch, n, out[j]);
            }
        }
        return result;
    }

    /**
     * One layered sweep over every check. A method of its own, so that the JIT compiles the kernel as a whole
     * method and not only as an on-stack replacement inside {@link #decode}: one run in about a dozen of the
     * single-method version took 8-10x longer, as if vectors had been left boxed (cause not confirmed; with
     * the split, not seen again in 8 runs). No vector crosses the call: the result is a lane bit mask.
     *
     * @return bit j set if some check of block j was unsatisfied at its turn
     */
    private long sweep(final int m, final int[] rs, final int[] rv, final int[] degree, final float[] alphaOf,
            final float[] p, final float[] r, final float[] t) {
        IntVector unsatisfied = IntVector.zero(I);
        for (int c = 0; c < m; c++) {
            final int start = rs[c];
            final int end = rs[c + 1];
            final IntVector syn = IntVector.fromArray(I, synSign, c * L);
            IntVector sign = syn;
            IntVector min1 = IntVector.broadcast(I, CERTAIN_BITS);
            IntVector min2 = min1;
            for (int e = start; e < end; e++) {
                final int k = (e - start) * L;
                final FloatVector x = FloatVector.fromArray(F, p, rv[e] * L).sub(FloatVector.fromArray(F, r, e * L));
                x.intoArray(t, k);
                final IntVector xb = x.reinterpretAsInts();
                sign = sign.lanewise(VectorOperators.XOR, xb);
                final IntVector mag = xb.and(0x7fffffff);
                min2 = min2.min(min1.max(mag));
                min1 = min1.min(mag);
            }
            sign = sign.and(SIGN);
            final float a = alphaOf[degree[c]];
            final IntVector m1 = min1.reinterpretAsFloats().max(0f).mul(a).reinterpretAsInts();
            final IntVector m2 = min2.reinterpretAsFloats().max(0f).mul(a).reinterpretAsInts();
            IntVector parity = syn;
            for (int e = start; e < end; e++) {
                final int k = (e - start) * L;
                final FloatVector x = FloatVector.fromArray(F, t, k);
                final IntVector xb = x.reinterpretAsInts();
                // the edge holding the smallest magnitude gets the second smallest; on a tie min2 == min1,
                // so comparing by value gives exactly what tracking the (first) argmin would
                final IntVector mag = m1.blend(m2, xb.and(0x7fffffff).eq(min1));
                final FloatVector msg = mag.or(sign.lanewise(VectorOperators.XOR, xb).and(SIGN)).reinterpretAsFloats();
                msg.intoArray(r, e * L);
                final FloatVector nl = x.add(msg);
                nl.intoArray(p, rv[e] * L);
                parity = parity.lanewise(VectorOperators.XOR, nl.reinterpretAsInts());
            }
            unsatisfied = unsatisfied.or(parity.and(SIGN));
        }
        return unsatisfied.compare(VectorOperators.NE, 0).toLong();
    }
}
