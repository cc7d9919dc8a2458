package org.rdcodec.sw.ceo;

/**
 * The per-coordinate LLRs of one bit-plane given the planes above it (the server's decoding chain, and the
 * worker's sampled rate estimate on the same arithmetic). Each coordinate i keeps its decoded prefix's range as
 * two edges, {@code lo} and {@code hi} (z, Phi(z), Phi(-z)); plane b needs only the middle edge, the lower edge
 * of the cell of offset index r0 + 2^b with r0 = (r_i &gt;&gt;&gt; (b + 1)) &lt;&lt; (b + 1), i.e.
 * z = (((r0 + 2^b + qmin) - u_i - 1/2) step - mu_i) / s, and one Gaussian tail there; then
 * LLR = ln P(bit 0) / P(bit 1) with P(bit 0) = P(lo &lt;= Z &lt; mid) and P(bit 1) = P(mid &lt;= Z &lt; hi), clamped
 * to +-{@link BitPlaneModel#MAX_LLR}, as {@link BitPlaneModel#llr} defines it.
 *
 * <p>{@code ScalarPlaneLlrKernel} equals {@link BitPlaneModel#llr} bit for bit. {@code PanamaPlaneLlrKernel}
 * (Vector API) does the same operations lane by lane except that the tail's exponential and the LLR's logarithm
 * are the Vector API's (each within 1 ulp, as Math.exp and Math.log, but not the same bits): its LLRs differ
 * from the scalar ones by at most one float ulp plus a double-precision rounding amplified by the cancellation
 * of the interval differences (derived in the kernels' test). Decoding stays exact: every plane the server
 * accepts matches its CRC-32C (BP blocks also their syndrome), so an LLR can only change how soon a block
 * decodes (the rate), never what it decodes to. Both are thread-safe.
 */
public interface PlaneLlrKernel {

    /**
     * Plane b's LLRs of coordinates 0 .. n; writes each coordinate's middle edge to {@code mid}.
     *
     * @param model the worker's plane model (planes, qmin)
     * @param plane b
     * @param r per coordinate the offset index, only its planes above b are read
     * @param u dithers
     * @param step Delta
     * @param mu side-information means
     * @param s side-information standard deviation, &gt; 0
     * @param n coordinates
     * @param lo lower edges of the ranges (read)
     * @param mid receives the middle edges
     * @param hi upper edges of the ranges (read)
     * @param out receives the LLRs
     */
    void llrs(BitPlaneModel model, int plane, int[] r, float[] u, double step, double[] mu, double s, int n,
            PlaneEdges lo, PlaneEdges mid, PlaneEdges hi, float[] out);

    /**
     * After plane b: each coordinate's range becomes the half that bit b of r chose (the middle edge becomes the
     * upper edge for 0, the lower edge for 1). Exact (copies only).
     *
     * @param plane b
     * @param r offset indices with plane b known
     * @param n coordinates
     * @param lo lower edges
     * @param mid the middle edges of the last {@link #llrs}
     * @param hi upper edges
     */
    void descend(int plane, int[] r, int n, PlaneEdges lo, PlaneEdges mid, PlaneEdges hi);
}
