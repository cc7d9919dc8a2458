package org.rdcodec.sw.ldpc;

import java.lang.foreign.MemorySegment;

/**
 * Slepian-Wolf encoder: computes the syndrome H x of a bit-packed source block, and for a rate-adaptive
 * {@link LadderCode} all M ladder bits at once (from the half-check syndromes; the decoder uses a prefix).
 *
 * <p>The syndrome is computed column by column: for each set source bit (found with
 * {@link Long#numberOfTrailingZeros}), flip the syndrome bits of its checks. The work is one pass over the
 * column index array for half the bits of a random source, and the syndrome (M / 8 bytes) stays in L1/L2;
 * it needs no gathers of source bits, which is what the row-wise {@link ParityCheckMatrix#syndromeReference}
 * does. Stateless, thread-safe.
 */
public final class SyndromeEncoder {

    private SyndromeEncoder() {
    }

    /**
     * @param h the matrix
     * @param sourceWords n source bits (validated)
     * @return the m syndrome bits of H x, packed
     */
    public static long[] syndrome(final ParityCheckMatrix h, final long[] sourceWords) {
        final int n = h.n();
        SourceBlock.validate(sourceWords, n, "syndrome encoder source");
        final long[] s = new long[(h.m() + 63) >>> 6];
        final int[] colStart = h.colStart();
        final int[] colChecks = h.colChecks();
        final int words = SourceBlock.words(n);
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
        return s;
    }

    /**
     * Encodes a block: all M ladder bits of the code (a decoder uses a prefix of them).
     *
     * @param code the ladder code
     * @param sourceWords n source bits
     * @return M syndrome bits, bit k at bit k % 64 of word k / 64
     */
    public static long[] encode(final LadderCode code, final long[] sourceWords) {
        return code.baseChecks() == code.maxSyndromeBits()
                ? syndrome(code.base(), sourceWords)
                : code.ladderFromHalves(syndrome(code.halves(), sourceWords));
    }

    /**
     * Encodes a block held off-heap as little-endian longs.
     *
     * @param code the ladder code
     * @param source at least ceil(n / 64) * 8 bytes
     * @return M syndrome bits
     */
    public static long[] encode(final LadderCode code, final MemorySegment source) {
        return encode(code, SourceBlock.fromSegment(source, code.n()));
    }
}
