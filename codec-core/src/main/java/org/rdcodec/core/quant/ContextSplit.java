package org.rdcodec.core.quant;

/**
 * Groups a layer's indices by context (a counting sort that keeps the order within each context) and
 * puts them back: the encoder codes each context's indices as one stream, the decoder decodes the streams
 * and restores coordinate order from the same contexts.
 */
final class ContextSplit {

    /** Independent partial histograms: a run of equal contexts does not chain one increment on the previous. */
    private static final int WAYS = 4;

    private ContextSplit() {
    }

    /**
     * @param ctx contexts, each in [0, c)
     * @param n how many
     * @param c number of contexts
     * @return start[b] = first grouped position of context b, start[c] = n (c + 1 entries)
     */
    static int[] starts(final byte[] ctx, final int n, final int c) {
        final int[] h = new int[WAYS * c];
        final int bound = n - n % WAYS;
        int i = 0;
        for (; i < bound; i += WAYS) {
            h[ctx[i]]++;
            h[c + ctx[i + 1]]++;
            h[2 * c + ctx[i + 2]]++;
            h[3 * c + ctx[i + 3]]++;
        }
        for (; i < n; i++) {
            h[ctx[i]]++;
        }
        final int[] start = new int[c + 1];
        for (int b = 0; b < c; b++) {
            start[b + 1] = start[b] + h[b] + h[c + b] + h[2 * c + b] + h[3 * c + b];
        }
        return start;
    }

    /**
     * grouped[start[b] + j] = the j-th index of context b.
     *
     * @param q indices in coordinate order
     * @param ctx their contexts
     * @param n how many
     * @param start from {@link #starts}
     * @param grouped out, at least n long
     */
    static void group(final int[] q, final byte[] ctx, final int n, final int[] start, final int[] grouped) {
        final int[] fill = start.clone();
        for (int i = 0; i < n; i++) {
            grouped[fill[ctx[i]]++] = q[i];
        }
    }

    /**
     * The inverse of {@link #group}.
     *
     * @param grouped indices grouped by context
     * @param ctx contexts in coordinate order
     * @param n how many
     * @param start from {@link #starts}
     * @param q out, in coordinate order
     */
    static void ungroup(final int[] grouped, final byte[] ctx, final int n, final int[] start, final int[] q) {
        final int[] fill = start.clone();
        for (int i = 0; i < n; i++) {
            q[i] = grouped[fill[ctx[i]]++];
        }
    }
}
