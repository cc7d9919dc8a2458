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
 * <p><b>Feedback-free rate.</b> bits = n H^ (1 + {@link #CODE_GAP}) + {@link #Z_SUCCESS} sqrt(n V^): the
 * multiplicative term is this library's codes' measured distance from the entropy at large n with the
 * layered min-sum decoder, the second term the finite-length spread at 99% success. The constants are fitted
 * to the measurements in src/site/ldpc.md (table "feedback-free"); see there for the derivation.
 */
public final class RateChoice {

    /**
     * Measured asymptotic excess rate of the PEG/IRA codes under 60-iteration layered min-sum: at n = 65536 the
     * median decoding threshold sits at 1.05-1.10 H (src/site/ldpc.md), so 0.10 covers the median threshold
     * of every tested entropy.
     */
    public static final double CODE_GAP = 0.10;

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
     * keeping merges few at the likely stopping rates (see {@link LadderCode}).
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
     * Feedback-free syndrome bits for n source bits.
     *
     * @param n block length
     * @param entropy H^ (bits per source bit)
     * @param dispersion V^ (bits^2 per source bit)
     * @return bits to send, in [1, n]
     */
    public static int feedbackFreeBits(final int n, final double entropy, final double dispersion) {
        final double bits = n * entropy * (1 + CODE_GAP) + Z_SUCCESS * Math.sqrt(n * dispersion);
        return (int) Math.max(1, Math.min(n, Math.ceil(bits)));
    }

    /**
     * Ladder length M for a rate-adaptive code.
     *
     * @param n block length
     * @param entropy H^
     * @param dispersion V^
     * @return M in [1, n]
     */
    public static int adaptiveMaxBits(final int n, final double entropy, final double dispersion) {
        final double bits = ADAPTIVE_HEADROOM * feedbackFreeBits(n, entropy, dispersion);
        return (int) Math.max(1, Math.min(n, Math.ceil(bits)));
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
