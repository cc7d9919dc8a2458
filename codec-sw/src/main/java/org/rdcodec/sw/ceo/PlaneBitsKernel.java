package org.rdcodec.sw.ceo;

/**
 * Extraction of one bit-plane of offset indices into packed words (the worker's per-block plane bits): bit i
 * of the result (word i / 64, bit i mod 64) is bit {@code plane} of {@code r[from + i]}; bits past n in the
 * last word are 0. Implementations ({@code ScalarPlaneBitsKernel}, {@code PanamaPlaneBitsKernel}, found by
 * {@link org.rdcodec.core.simd.VectorizationProvider}) agree bit for bit and are thread-safe.
 */
public interface PlaneBitsKernel {

    /**
     * @param r offset indices
     * @param from first index
     * @param n number of bits
     * @param plane bit index, 0..31
     * @param out receives ceil(n / 64) words (overwritten, stale bits cleared)
     */
    void extract(int[] r, int from, int n, int plane, long[] out);
}
