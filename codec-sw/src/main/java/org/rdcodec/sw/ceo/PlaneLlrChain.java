package org.rdcodec.sw.ceo;

import java.util.Arrays;

/**
 * The server's per-coordinate LLRs of one worker's planes, most significant first, with one Gaussian tail per
 * coordinate and plane: each coordinate keeps the two outer edges of its decoded prefix's range (z, Phi(z),
 * Phi(-z)), so a plane needs only its middle edge; after the plane is decoded, {@link #descend} keeps the half
 * its bit chose. The values equal {@link BitPlaneModel#llr} bit for bit (the same arithmetic as
 * {@link BitPlaneModel#chainLlrs}, tested there). Arrays are kept between workers. Not thread-safe.
 */
final class PlaneLlrChain {

    private double[] lo = new double[0];
    private double[] hi = new double[0];
    private double[] mid = new double[0];

    /** Starts a worker's chain of n coordinates: every range is the whole index range. */
    void start(final int n) {
        if (lo.length < 3 * n) {
            lo = new double[3 * n];
            hi = new double[3 * n];
            mid = new double[3 * n];
        }
        for (int i = 0; i < 3 * n; i += 3) {
            lo[i] = Double.NEGATIVE_INFINITY;
            lo[i + 1] = 0;
            lo[i + 2] = 1;
            hi[i] = Double.POSITIVE_INFINITY;
            hi[i + 1] = 1;
            hi[i + 2] = 0;
        }
        Arrays.fill(mid, 0, 3 * n, 0);
    }

    /**
     * @param model the worker's plane model
     * @param plane b
     * @param r per coordinate the decoded planes above b (lower bits 0)
     * @param u dithers
     * @param step Delta
     * @param mu side-information means
     * @param s side-information standard deviation
     * @param n coordinates
     * @param out receives the plane's LLRs
     */
    void llrs(final BitPlaneModel model, final int plane, final int[] r, final float[] u, final double step,
            final double[] mu, final double s, final int n, final float[] out) {
        final long half = 1L << plane;
        for (int i = 0, k = 0; i < n; i++, k += 3) {
            final long r0 = plane + 1 >= 31 ? 0 : (long) (r[i] >>> (plane + 1)) << (plane + 1);
            BitPlaneModel.edgeCdf(model.edge(r0 + half, u[i], step, mu[i], s), mid, k);
            out[i] = model.halvesLlr(lo, k, mid, k, hi, k, plane, r0, u[i], step, mu[i], s);
        }
    }

    /** After plane b is decoded into r: each coordinate's range becomes the half its bit chose. */
    void descend(final int plane, final int[] r, final int n) {
        for (int i = 0, k = 0; i < n; i++, k += 3) {
            System.arraycopy(mid, k, ((r[i] >>> plane) & 1) == 0 ? hi : lo, k, 3);
        }
    }

    /**
     * H^ of a plane in bits per bit, as {@code RateChoice.conditionalEntropy} defines it (mean h_b of the
     * minority probability p = e / (1 + e), e = exp(-|LLR|)), through h_b(p) = (|LLR| p + ln(1 + e)) / ln 2:
     * two intrinsic transcendental calls per bit instead of three (one of them StrictMath.log1p).
     *
     * @param llr LLRs
     * @param n how many
     * @return mean conditional entropy
     */
    static double conditionalEntropy(final float[] llr, final int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            final double a = Math.abs((double) llr[i]);
            final double e = Math.exp(-a);
            // ln(1 + e) by the intrinsic log: where 1 + e rounds (e < 1e-16) the term is off by at most 1.1e-16,
            // against StrictMath.log1p's four-fold cost (the sum is a reported statistic, not a decision)
            sum += a * (e / (1 + e)) + Math.log(1 + e);
        }
        return n == 0 ? 0 : sum / (n * Math.log(2));
    }
}
