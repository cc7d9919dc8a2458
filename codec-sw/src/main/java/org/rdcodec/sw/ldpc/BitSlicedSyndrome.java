package org.rdcodec.sw.ldpc;

/**
 * Syndromes of up to 64 blocks at once, bit-sliced (see {@link SyndromeEncoder#encodeBatch}). Bit j of every
 * sliced word belongs to block j.
 */
final class BitSlicedSyndrome {

    private BitSlicedSyndrome() {
    }

    /**
     * @param h the matrix
     * @param sources 1..64 validated blocks of h.n() bits
     * @return per block, its h.m() syndrome bits, packed
     */
    static long[][] syndromes(final ParityCheckMatrix h, final long[][] sources) {
        final int n = h.n();
        final int m = h.m();
        final int blocks = sources.length;
        final int words = SourceBlock.words(n);
        // sliced[v]: bit j = bit v of block j
        final long[] sliced = new long[words * 64];
        final long[] tile = new long[64];
        for (int w = 0; w < words; w++) {
            for (int j = 0; j < blocks; j++) {
                tile[j] = sources[j][w];
            }
            java.util.Arrays.fill(tile, blocks, 64, 0L);
            transpose(tile);
            System.arraycopy(tile, 0, sliced, w << 6, 64);
        }
        final int[] rs = h.rowStart();
        final int[] rv = h.rowVars();
        final int synWords = (m + 63) >>> 6;
        final long[][] out = new long[blocks][synWords];
        for (int g = 0; g < synWords; g++) {
            final int c0 = g << 6;
            final int c1 = Math.min(m, c0 + 64);
            for (int c = c0; c < c1; c++) {
                long parity = 0;
                for (int e = rs[c], end = rs[c + 1]; e < end; e++) {
                    parity ^= sliced[rv[e]];
                }
                tile[c - c0] = parity;
            }
            java.util.Arrays.fill(tile, c1 - c0, 64, 0L);
            transpose(tile);
            for (int j = 0; j < blocks; j++) {
                out[j][g] = tile[j];
            }
        }
        return out;
    }

    /**
     * In-place transpose of a 64 x 64 bit matrix, row r = a[r], column k = bit k: afterwards bit k of a[r] is
     * the former bit r of a[k]. Six rounds of block swaps (blocks of 32, 16, ..., 1 bits), each exchanging the
     * upper-right and lower-left quadrants of every 2j x 2j block with masked shifts.
     *
     * @param a 64 words
     */
    static void transpose(final long[] a) {
        long mask = 0x00000000FFFFFFFFL;
        for (int j = 32; j != 0; j >>>= 1, mask ^= mask << j) {
            for (int k = 0; k < 64; k = ((k | j) + 1) & ~j) {
                // high half-bits of row k <-> low half-bits of row k | j
                final long t = ((a[k] >>> j) ^ a[k | j]) & mask;
                a[k | j] ^= t;
                a[k] ^= t << j;
            }
        }
    }
}
