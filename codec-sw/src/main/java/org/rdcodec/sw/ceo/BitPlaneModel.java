package org.rdcodec.sw.ceo;

import org.rdcodec.core.stats.Gaussian;

/**
 * Per-bit LLRs of the bit-planes of dithered quantization indices, given Gaussian side information
 * (theory.md section 6). The worker quantizes y with step Delta and shared dither u in [-1/2, 1/2):
 * q = floor(y / Delta + u + 1/2), so q's cell is y in [(q - u - 1/2) Delta, (q - u + 1/2) Delta). It
 * sends r = q - qmin in {@code planes} bits, most significant plane first; qmin and planes travel in its
 * frame, so every r lies in [0, 2^planes). The server knows u and Y | side information ~ N(mu, s^2).
 *
 * <p>Plane b (b = planes - 1 is the most significant) of r, given the planes above it (the prefix
 * r &gt;&gt; (b + 1)), splits the prefix's 2^(b+1) candidate indices into two runs of consecutive cells,
 * and consecutive cells form an interval: P(bit = 0) and P(bit = 1) are each one Gaussian interval
 * probability, O(1) per coordinate and plane. The lowest and highest index of the range absorb the
 * tails (a conditional model: r is known to lie in the range), so no probability is lost.
 * LLR = ln P(bit = 0) / P(bit = 1), clamped to +-{@link #MAX_LLR}; chained over the planes the bit
 * probabilities multiply to P(r | side information), so the planes' conditional entropies add up to
 * H(q | side information).
 */
public final class BitPlaneModel {

    /** Largest |LLR| produced: e^-50 ~ 2e-22, certain for any block length. */
    public static final float MAX_LLR = 50f;

    private final int planes;
    private final int qmin;

    /**
     * @param planes bits per index, 1..30
     * @param qmin the smallest index of the range
     */
    public BitPlaneModel(final int planes, final int qmin) {
        if (planes < 1 || planes > 30) {
            throw new IllegalArgumentException("planes must be in [1, 30], got " + planes);
        }
        this.planes = planes;
        this.qmin = qmin;
    }

    /** @return bits per index */
    public int planes() {
        return planes;
    }

    /** @return the smallest index */
    public int qmin() {
        return qmin;
    }

    /**
     * The LLR of plane {@code plane} of one coordinate.
     *
     * @param plane 0 (least significant) .. planes - 1 (most significant)
     * @param prefix the value of the planes above, r &gt;&gt; (plane + 1)
     * @param u the coordinate's dither, in [-1/2, 1/2)
     * @param step Delta
     * @param mu side-information mean of y
     * @param s side-information standard deviation of y, &gt; 0
     * @return ln P(bit = 0) / P(bit = 1)
     */
    public float llr(final int plane, final int prefix, final float u, final double step, final double mu, final double s) {
        final long half = 1L << plane;
        final long r0 = (long) prefix << (plane + 1);
        // r0 .. r0 + half - 1 have bit 0; r0 + half .. r0 + 2 half - 1 have bit 1
        final double lo = edge(r0, u, step, mu, s);
        final double mid = edge(r0 + half, u, step, mu, s);
        final double hi = edge(r0 + 2 * half, u, step, mu, s);
        final double p0 = interval(lo, mid);
        final double p1 = interval(mid, hi);
        if (p0 > 0 && p1 > 0) {
            final double l = Math.log(p0 / p1);
            return (float) Math.max(-MAX_LLR, Math.min(MAX_LLR, l));
        }
        if (p0 > 0) {
            return MAX_LLR;
        }
        if (p1 > 0) {
            return -MAX_LLR;
        }
        // both halves lie beyond the double range of the tails: the one nearer mu wins
        return Math.abs(mid - Math.max(lo, Math.min(mid, 0))) <= Math.abs(mid - Math.max(mid, Math.min(hi, 0))) ? MAX_LLR : -MAX_LLR;
    }

    /**
     * The LLRs of every plane of one index r, each given the true planes above it: out[b] equals
     * {@code llr(b, r >>> (b + 1), u, step, mu, s)} bit for bit. Walking down from the most significant plane,
     * each plane's interval shares its two outer edges with the plane above, so the whole chain costs one
     * Gaussian tail per plane instead of up to six (the worker's rate estimate evaluates it per sample).
     *
     * @param r the offset index, in [0, 2^planes)
     * @param u dither
     * @param step Delta
     * @param mu side-information mean
     * @param s side-information standard deviation, &gt; 0
     * @param out receives planes LLRs, index b = plane
     */
    public void chainLlrs(final int r, final float u, final double step, final double mu, final double s,
            final float[] out) {
        // lower and upper edge of the current prefix's range: standardised position, Phi(z) and Phi(-z)
        final double[] lo = {Double.NEGATIVE_INFINITY, 0, 1};
        final double[] hi = {Double.POSITIVE_INFINITY, 1, 0};
        final double[] mid = new double[3];
        for (int b = planes - 1; b >= 0; b--) {
            final long r0 = b + 1 >= 31 ? 0 : (long) (r >>> (b + 1)) << (b + 1);
            edgeCdf(edge(r0 + (1L << b), u, step, mu, s), mid, 0);
            out[b] = halvesLlr(lo, 0, mid, 0, hi, 0, b, r0, u, step, mu, s);
            System.arraycopy(mid, 0, ((r >>> b) & 1) == 0 ? hi : lo, 0, 3);
        }
    }

    /**
     * Writes z, Phi(z), Phi(-z) at e[at..at+3) with the values {@link Gaussian#cdf} gives, from one tail
     * evaluation: Phi(-|z|) is the accurate small tail and the other side is 1 - it, which is exactly
     * Gaussian.cdf's 0.5 (2 - e) there (halving is exact, so both round alike).
     */
    static void edgeCdf(final double z, final double[] e, final int at) {
        e[at] = z;
        if (z == 0 || Double.isInfinite(z)) {
            e[at + 1] = Gaussian.cdf(z);
            e[at + 2] = Gaussian.cdf(-z);
            return;
        }
        final double tail = Gaussian.cdf(-Math.abs(z));
        e[at + 1] = z > 0 ? 1 - tail : tail;
        e[at + 2] = z > 0 ? tail : 1 - tail;
    }

    /**
     * The LLR of a plane from its three edges (each z, Phi(z), Phi(-z) as {@link #edgeCdf} writes them), equal
     * to {@link #llr} for that plane and prefix; the rare case of both halves beyond the tails' range goes to it.
     */
    float halvesLlr(final double[] lo, final int l, final double[] mid, final int m, final double[] hi, final int h,
            final int plane, final long r0, final float u, final double step, final double mu, final double s) {
        return halvesLlr(lo[l], lo[l + 1], lo[l + 2], mid[m], mid[m + 1], mid[m + 2], hi[h], hi[h + 1], hi[h + 2],
                plane, r0, u, step, mu, s);
    }

    /** {@link #halvesLlr(double[], int, double[], int, double[], int, int, long, float, double, double, double)}. */
    float halvesLlr(final double loZ, final double loPos, final double loNeg, final double midZ, final double midPos,
            final double midNeg, final double hiZ, final double hiPos, final double hiNeg, final int plane,
            final long r0, final float u, final double step, final double mu, final double s) {
        final double p0 = interval(loZ, loPos, loNeg, midZ, midPos, midNeg);
        final double p1 = interval(midZ, midPos, midNeg, hiZ, hiPos, hiNeg);
        if (p0 > 0 && p1 > 0) {
            final double x = Math.log(p0 / p1);
            return (float) Math.max(-MAX_LLR, Math.min(MAX_LLR, x));
        }
        if (p0 > 0) {
            return MAX_LLR;
        }
        if (p1 > 0) {
            return -MAX_LLR;
        }
        return llr(plane, (int) (r0 >>> (plane + 1)), u, step, mu, s);
    }

    /** {@link #interval(double, double)} from the edges' precomputed Phi(z) and Phi(-z). */
    private static double interval(final double a, final double aPos, final double aNeg, final double b,
            final double bPos, final double bNeg) {
        if (!(b > a)) {
            return 0;
        }
        if (a >= 0) {
            return aNeg - bNeg;
        }
        if (b <= 0) {
            return bPos - aPos;
        }
        return 1 - aPos - bNeg;
    }

    /**
     * Probability of the whole index r under the side information (for tests and entropy estimates).
     *
     * @param r the offset index, in [0, 2^planes)
     * @param u dither
     * @param step Delta
     * @param mu side-information mean
     * @param s side-information standard deviation
     * @return P(r)
     */
    public double probability(final long r, final float u, final double step, final double mu, final double s) {
        return interval(edge(r, u, step, mu, s), edge(r + 1, u, step, mu, s));
    }

    /** Standardised lower edge of the cell of offset index r; the range's ends open to infinity. */
    double edge(final long r, final float u, final double step, final double mu, final double s) {
        if (r <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (r >= 1L << planes) {
            return Double.POSITIVE_INFINITY;
        }
        final double y = ((double) (r + qmin) - u - 0.5) * step;
        return (y - mu) / s;
    }

    /** P(a &lt;= Z &lt; b) for a standard normal Z, accurate in both tails. */
    static double interval(final double a, final double b) {
        if (!(b > a)) {
            return 0;
        }
        if (a >= 0) {
            return Gaussian.cdf(-a) - Gaussian.cdf(-b);
        }
        if (b <= 0) {
            return Gaussian.cdf(b) - Gaussian.cdf(a);
        }
        return 1 - Gaussian.cdf(a) - Gaussian.cdf(-b);
    }
}
