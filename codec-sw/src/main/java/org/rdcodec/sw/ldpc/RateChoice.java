package org.rdcodec.sw.ldpc;

/**
 * How many syndrome bits to send, from an estimate of the conditional entropy H(X | Y).
 *
 * <p><b>Entropy from LLRs.</b> With LLR = ln P(x = 0 | y) / P(x = 1 | y), P(x = 0 | y) = 1 / (1 + e^-LLR),
 * so the less likely value has probability q = 1 / (1 + e^|LLR|) and H(X_i | Y = y) = h_b(q). Averaging
 * over the block, H^ = (1/n) sum_i h_b(q_i) estimates H(X | Y) in bits per source bit, and is exact in
 * expectation when the LLRs are the true posteriors (BSC(p): every |LLR| = ln((1-p)/p), H^ = h(p)).
 *
 * <p><b>Dispersion.</b> The information density -log2 P(x_i | y_i) of bit i is log2(1/(1-q)) with probability
 * 1 - q and log2(1/q) with probability q; its variance is q (1 - q) log2^2((1 - q) / q). V^ is the mean of
 * that over the block; the number of bits any code needs for block error eps at length n is about
 * n H + Q^-1(eps) sqrt(n V) (second-order, Strassen/Polyanskiy).
 *
 * <p><b>Feedback-free rate.</b> bits = n H^ (1 + {@link #codeGap(double) gap(H^)}) + {@link #Z_SUCCESS} sqrt(n V^):
 * the multiplicative term is this library's codes' measured distance from the entropy under layered min-sum
 * (60 iterations), the second the finite-length spread at 99% success. gap(H) is interpolated from the
 * measurements at n = 65536 (src/site/ldpc.md, 20 blocks per point), chosen so that the rate at n = 65536 is
 * at or above the smallest measured rate with >= 95% success plus a few hundredths:
 * <pre>
 *   p      h(p)    measured success at n = 65536                 z term   gap
 *   0.01   0.0808  1.30: 45%   1.40: 90%                        0.080    0.39  (rate 1.47)
 *   0.05   0.2864  1.20: 95%   1.25: 100%                       0.032    0.22  (rate 1.25)
 *   0.11   0.4999  1.15: 100%  1.20: 100%                       0.019    0.16  (rate 1.18)
 *   0.2    0.7219  1.10: 40%   1.15: 65%   1.22: 77% (30 blocks) 0.011    0.28  (rate 1.29)
 * </pre>
 * Low entropies need a large relative margin because their codes have high rate (few checks of degree
 * 40+), where BP and min-sum are furthest from capacity in relative terms.
 */
public final class RateChoice {

    /** Entropies (bits per source bit) of the measured gap table. */
    private static final double[] GAP_ENTROPY = {0.0, 0.0808, 0.2864, 0.4999, 0.7219, 1.0};

    /** Measured multiplicative excess at those entropies (see the class comment); flat beyond the ends. */
    private static final double[] GAP = {0.39, 0.39, 0.22, 0.16, 0.28, 0.28};

    /**
     * Q^-1(0.01) = 2.326 for 99% success from the Gaussian approximation, rounded up to 2.5 because the
     * measured threshold spread of practical codes is a little wider than the channel's own dispersion.
     */
    public static final double Z_SUCCESS = 2.5;

    /**
     * Rate-adaptive search: the decoder starts at this fraction of n H^ (below it success is rare for any
     * code, so earlier attempts would only cost time) ...
     */
    public static final double ADAPTIVE_START = 1.0;

    /** ... and adds this fraction of n H^ per request: the mean overshoot past the threshold is half of it. */
    public static final double ADAPTIVE_STEP = 0.02;

    /**
     * Ladder length M for rate-adaptive codes, as a multiple of the feedback-free bit count: leaves room for
     * the rare block that needs more than the feedback-free rate before falling back to raw bits, while
     * keeping merges few at the likely stopping rates (see {@link LadderCode}): at n = 16384, BSC(0.11),
     * M = 1.1 x feedback-free gave a mean stopping rate of 1.16 h(p), M = 1.3 x gave 1.35 h(p).
     */
    public static final double ADAPTIVE_HEADROOM = 1.10;

    private RateChoice() {
    }

    /**
     * @param q a probability
     * @return h_b(q) in bits (0 at q = 0 or 1)
     */
    public static double binaryEntropy(final double q) {
        if (q <= 0 || q >= 1) {
            return 0;
        }
        return -(q * Math.log(q) + (1 - q) * Math.log1p(-q)) / Math.log(2);
    }

    /**
     * H(X | Y) for a uniform binary source seen through y = (1 - 2x) + N(0, sigma^2) (LLR = 2 y / sigma^2):
     * E[h_b(1 / (1 + e^|L|))] over y ~ N(1, sigma^2) (x = 0 suffices by symmetry), by composite Simpson's
     * rule on [1 - 12 sigma, 1 + 12 sigma] with 20000 intervals (the integrand is smooth and bounded by the
     * density; the tails beyond 12 sigma weigh below 1e-30).
     *
     * @param sigma noise standard deviation, &gt; 0
     * @return H(X | Y) in bits
     */
    public static double awgnConditionalEntropy(final double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new SyndromeCodingException("AWGN side information: sigma must be finite and > 0, got " + sigma);
        }
        final int intervals = 20000;
        final double lo = 1 - 12 * sigma;
        final double hi = 1 + 12 * sigma;
        final double step = (hi - lo) / intervals;
        double sum = 0;
        for (int i = 0; i <= intervals; i++) {
            final double y = lo + i * step;
            final double w = i == 0 || i == intervals ? 1 : (i % 2 == 1 ? 4 : 2);
            final double density = Math.exp(-0.5 * (y - 1) * (y - 1) / (sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI));
            final double a = Math.abs(2 * y / (sigma * sigma));
            final double q = Math.exp(-a) / (1 + Math.exp(-a));
            sum += w * density * binaryEntropy(q);
        }
        return sum * step / 3;
    }

    /**
     * @param llr per-bit LLRs
     * @return H^, mean h_b(1 / (1 + e^|LLR|)), bits per source bit
     */
    public static double conditionalEntropy(final float[] llr) {
        double sum = 0;
        for (final float l : llr) {
            sum += binaryEntropy(minorityProbability(l));
        }
        return llr.length == 0 ? 0 : sum / llr.length;
    }

    /**
     * @param llr per-bit LLRs
     * @return V^, mean per-bit variance of the information density (bits^2)
     */
    public static double dispersion(final float[] llr) {
        double sum = 0;
        for (final float l : llr) {
            sum += bitDispersion(minorityProbability(l));
        }
        return llr.length == 0 ? 0 : sum / llr.length;
    }

    /**
     * @param q probability of the less likely value
     * @return q (1 - q) log2^2((1 - q) / q)
     */
    public static double bitDispersion(final double q) {
        if (q <= 0 || q >= 1) {
            return 0;
        }
        final double lr = Math.log((1 - q) / q) / Math.log(2);
        return q * (1 - q) * lr * lr;
    }

    /**
     * @param llr an LLR
     * @return 1 / (1 + e^|LLR|), computed without overflow
     */
    public static double minorityProbability(final float llr) {
        final double a = Math.abs((double) llr);
        final double e = Math.exp(-a);
        return e / (1 + e);
    }

    /**
     * @param entropy H^ in [0, 1]
     * @return the measured multiplicative excess rate of the codes at that entropy, linearly interpolated
     */
    public static double codeGap(final double entropy) {
        return interpolate(GAP, entropy);
    }

    private static double interpolate(final double[] table, final double entropy) {
        if (entropy <= GAP_ENTROPY[0]) {
            return table[0];
        }
        for (int i = 1; i < GAP_ENTROPY.length; i++) {
            if (entropy <= GAP_ENTROPY[i]) {
                final double f = (entropy - GAP_ENTROPY[i - 1]) / (GAP_ENTROPY[i] - GAP_ENTROPY[i - 1]);
                return table[i - 1] + f * (table[i] - table[i - 1]);
            }
        }
        return table[table.length - 1];
    }

    /**
     * Feedback-free syndrome bits for n source bits.
     *
     * @param n block length
     * @param entropy H^ (bits per source bit)
     * @param dispersion V^ (bits^2 per source bit)
     * @return bits to send, in [1, n]
     */
    public static int feedbackFreeBits(final int n, final double entropy, final double dispersion) {
        final double bits = n * entropy * (1 + codeGap(entropy)) + Z_SUCCESS * Math.sqrt(n * dispersion);
        return (int) Math.max(1, Math.min(n, Math.ceil(bits)));
    }

    /**
     * Base code of a rate-adaptive ladder, B / (n H), at the entropies of {@link #GAP_ENTROPY}: just below
     * where the base alone decodes most blocks, so few splits are needed. Measured at n = 65536, 12 blocks per
     * point, mean stopping rate / h(p) (src/site/ldpc.md): p = 0.01: base 1.20 -> 1.395, 1.28 -> 1.365;
     * p = 0.05: 1.10 -> 1.185, 1.11 -> 1.180, 1.14 -> 1.167; p = 0.11: 1.00 -> 1.145, 1.04 -> 1.145,
     * 1.08 -> 1.135, 1.10 -> 1.127, 1.12 -> 1.127; p = 0.2: 1.14 -> 1.157.
     */
    private static final double[] ADAPTIVE_BASE = {1.28, 1.28, 1.14, 1.10, 1.14, 1.14};

    /**
     * @param entropy H^ in [0, 1]
     * @return B / (n H^) for a rate-adaptive ladder, linearly interpolated from the measured table
     */
    public static double adaptiveBaseRatio(final double entropy) {
        return interpolate(ADAPTIVE_BASE, entropy);
    }

    /**
     * B, the base checks of a rate-adaptive ladder.
     *
     * @param n block length
     * @param entropy H^
     * @param dispersion V^
     * @return B in [1, n], never above the feedback-free bits
     */
    public static int adaptiveBaseBits(final int n, final double entropy, final double dispersion) {
        final double bits = Math.ceil(n * entropy * adaptiveBaseRatio(entropy));
        return (int) Math.max(1, Math.min(feedbackFreeBits(n, entropy, dispersion), bits));
    }

    /**
     * Ladder length M for a rate-adaptive code.
     *
     * @param n block length
     * @param entropy H^
     * @param dispersion V^
     * @return M in [B, min(n, 2B)]
     */
    public static int adaptiveMaxBits(final int n, final double entropy, final double dispersion) {
        final double bits = ADAPTIVE_HEADROOM * feedbackFreeBits(n, entropy, dispersion);
        final int base = adaptiveBaseBits(n, entropy, dispersion);
        return (int) Math.max(base, Math.min(Math.min(n, 2L * base), Math.ceil(bits)));
    }

    /**
     * @param n block length
     * @param entropy H^
     * @return the first ladder prefix a rate-adaptive decoder tries (&ge; 1)
     */
    public static int adaptiveStartBits(final int n, final double entropy) {
        return (int) Math.max(1, Math.ceil(n * entropy * ADAPTIVE_START));
    }

    /**
     * @param n block length
     * @param entropy H^
     * @return bits added per request (&ge; 1)
     */
    public static int adaptiveStepBits(final int n, final double entropy) {
        return (int) Math.max(1, Math.ceil(n * entropy * ADAPTIVE_STEP));
    }
}
