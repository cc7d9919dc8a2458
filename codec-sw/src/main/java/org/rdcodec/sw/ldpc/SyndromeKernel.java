package org.rdcodec.sw.ldpc;

/**
 * The syndrome computation H x of one bit-packed block, the inner loop of {@link SyndromeEncoder}. Two
 * implementations found by {@link org.rdcodec.core.simd.VectorizationProvider}: {@link ScalarSyndromeKernel}
 * (column-wise, one pass over the set source bits) and {@link PanamaSyndromeKernel} (row-wise with gathers,
 * 16 checks per vector). Both compute exact GF(2) parities, so their results are identical (tested).
 * Implementations are thread-safe.
 */
public interface SyndromeKernel {

    /**
     * @param h the matrix
     * @param sourceWords n validated source bits (bits at or beyond n zero)
     * @param syndrome receives the m syndrome bits, packed; all zero on entry, ceil(m / 64) words
     */
    void syndrome(ParityCheckMatrix h, long[] sourceWords, long[] syndrome);
}
