package org.rdcodec.sw.ldpc;

/**
 * Column-wise syndrome: for each set source bit (found with {@link Long#numberOfTrailingZeros}), flip the
 * syndrome bits of its checks. One pass over the column index array for half the bits of a random source; the
 * syndrome (m / 8 bytes) stays in L1/L2, and no source bits are gathered.
 */
final class ColumnSyndrome {

    private ColumnSyndrome() {
    }

    /**
     * @param h the matrix
     * @param sourceWords n validated source bits
     * @param s receives the syndrome; all zero on entry
     */
    static void syndrome(final ParityCheckMatrix h, final long[] sourceWords, final long[] s) {
        final int[] colStart = h.colStart();
        final int[] colChecks = h.colChecks();
        final int words = SourceBlock.words(h.n());
        for (int w = 0; w < words; w++) {
            long x = sourceWords[w];
            final int base = w << 6;
            while (x != 0) {
                final int v = base + Long.numberOfTrailingZeros(x);
                x &= x - 1;
                final int k = colStart[v];
                final int end = colStart[v + 1];
                // most columns have degree 2 or 3 (PEG lays them out in runs, so this branch predicts):
                // straight-line XORs there, because a loop of 2-3 trips costs more in set-up and a
                // mispredicted exit than its body
                if (end - k == 2) {
                    final int c0 = colChecks[k];
                    final int c1 = colChecks[k + 1];
                    s[c0 >>> 6] ^= 1L << c0;
                    s[c1 >>> 6] ^= 1L << c1;
                } else if (end - k == 3) {
                    final int c0 = colChecks[k];
                    final int c1 = colChecks[k + 1];
                    final int c2 = colChecks[k + 2];
                    s[c0 >>> 6] ^= 1L << c0;
                    s[c1 >>> 6] ^= 1L << c1;
                    s[c2 >>> 6] ^= 1L << c2;
                } else {
                    for (int j = k; j < end; j++) {
                        final int c = colChecks[j];
                        s[c >>> 6] ^= 1L << c;
                    }
                }
            }
        }
    }
}
