package org.rdcodec.sw.ceo;

import org.rdcodec.core.simd.VectorizationProvider;

/**
 * The per-coordinate LLRs of one worker's planes, most significant first, with one Gaussian tail per coordinate
 * and plane ({@link PlaneLlrKernel}): each coordinate keeps the two outer edges of its decoded prefix's range
 * (z, Phi(z), Phi(-z)), so a plane needs only its middle edge; after the plane is decoded, {@link #descend} keeps
 * the half its bit chose. The server runs it over a layer's coordinates, the worker's rate estimate over its
 * samples (same kernel, so the same LLR for the same r, u, mu, s and step). With the scalar kernel the values
 * equal {@link BitPlaneModel#llr} bit for bit. Arrays are kept between uses. Not thread-safe.
 */
final class PlaneLlrChain {

    private static final PlaneEntropyKernel ENTROPY = VectorizationProvider.getInstance().kernel(PlaneEntropyKernel.class);

    private final PlaneLlrKernel kernel;
    private final PlaneEdges lo = new PlaneEdges();
    private final PlaneEdges mid = new PlaneEdges();
    private final PlaneEdges hi = new PlaneEdges();

    /** A chain on this JVM's kernel ({@link VectorizationProvider}). */
    PlaneLlrChain() {
        this(VectorizationProvider.getInstance().kernel(PlaneLlrKernel.class));
    }

    /** @param kernel the LLR kernel */
    PlaneLlrChain(final PlaneLlrKernel kernel) {
        this.kernel = kernel;
    }

    /** Starts a worker's chain of n coordinates: every range is the whole index range. */
    void start(final int n) {
        lo.lowerEnd(n);
        hi.upperEnd(n);
        mid.ensure(n);
    }

    /**
     * @param model the worker's plane model
     * @param plane b
     * @param r per coordinate the decoded planes above b (lower bits ignored)
     * @param u dithers
     * @param step Delta
     * @param mu side-information means
     * @param s side-information standard deviation
     * @param n coordinates
     * @param out receives the plane's LLRs
     */
    void llrs(final BitPlaneModel model, final int plane, final int[] r, final float[] u, final double step,
            final double[] mu, final double s, final int n, final float[] out) {
        kernel.llrs(model, plane, r, u, step, mu, s, n, lo, mid, hi, out);
    }

    /** After plane b is decoded into r: each coordinate's range becomes the half its bit chose. */
    void descend(final int plane, final int[] r, final int n) {
        kernel.descend(plane, r, n, lo, mid, hi);
    }

    /**
     * H^ of a plane in bits per bit, as {@code RateChoice.conditionalEntropy} defines it (mean h_b of the
     * minority probability p = e / (1 + e), e = exp(-|LLR|)), through h_b(p) = (|LLR| p + ln(1 + e)) / ln 2
     * ({@link PlaneEntropyKernel}).
     *
     * @param llr LLRs
     * @param n how many
     * @return mean conditional entropy
     */
    static double conditionalEntropy(final float[] llr, final int n) {
        return n == 0 ? 0 : ENTROPY.entropyNats(llr, n) / (n * Math.log(2));
    }

    /**
     * Sums over the first n LLRs: h (nats), p (1 - p) |L|^2 and p ({@link PlaneEntropyKernel#moments}).
     *
     * @param llr LLRs
     * @param n how many
     * @param sums receives the three sums
     */
    static void moments(final float[] llr, final int n, final double[] sums) {
        ENTROPY.moments(llr, n, sums);
    }
}
