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
 * <p><b>Feedback-free rate.</b> bits = n H^ (1 + {@link #codeGap(int, double) gap(n, H^)}) + {@link #Z_SUCCESS}
 * sqrt(n V^): the second term is the finite-length spread at 99% success, the first this library's codes'
 * measured distance from the entropy under layered min-sum (60 iterations). gap(n, H) is interpolated (linearly
 * in H, and in log2 n between the lengths 4096, 16384, 65536; constant outside) from a table calibrated with the
 * fast 16-bit batch decoder (its rate equals the float decoder's to +-0.004 h(p), src/site/ldpc.md): at each
 * (n, p) the table reproduces a ratio R = bits / (n h(p)) at which at least 99% of 512 (n = 65536), 1024
 * (16384) or 2048 (4096) BSC(p) blocks decoded, rounded up to 0.005 in gap:
 * <pre>
 *   n       p = 0.01        p = 0.05        p = 0.11        p = 0.2
 *   4096    R 1.80 (99.3%; 1.70: 98.4%)  1.37 (99.7%; 1.33: 98.6%)  1.24 (1.234: 99.3%)  1.25 (100%)
 *   16384   1.50 (99.3%; 1.45: 96.8%)    1.25 (99.7%; 1.23: 97.5%)  1.18 (1.17: 99.5%)  1.22 (100%)
 *   65536   1.34 (99.61%; 1.33: 99.41%)  1.18 (99.85%; 1.175: 99.66%)  1.16 (100%; 1.14: 97.1%)  1.21 (99.8%)
 * </pre>
 * (n = 65536, p = 0.01 and 0.05: the attenuated corrected min-sum rule, next paragraph but one.)
 * (p = 0.01 and 0.05 columns: the per-band degree profiles of {@link DegreeProfile}. At n = 65536 they were
 * recalibrated on 2048 blocks each (four source seeds, code seeds 7 and 8): p = 0.01 at R = 1.38: 8 failures,
 * 99.61%, one-sided 95% lower bound 99.3%; p = 0.05 at R = 1.20: 15 failures, 99.27%, lower bound 98.9% (the
 * float decoder: 99.2% of 256), both with the plain min-sum rule then the default (corrected min-sum: p = 0.05 at
 * 1.20: 100% of 512, 1.18: 97.7%). Previously 1.40 and 1.21 on 512 blocks. The gap is set so that the bits do
 * not exceed R n h: 0.30 and 0.168. The entropy-0 column keeps 0.325, so below h(0.01) the gap rises towards
 * it. p = 0.11 and 0.2: superseded by the next paragraph. The n = 65536 entries of p = 0.01 and 0.05 are
 * superseded by the paragraph after it.)
 *
 * <p>p = 0.11 and 0.2 columns (entropies 0.4999 and 0.7219): calibrated for the default check rule of the 16-bit
 * decoders, corrected min-sum ({@code FixedPointCheckRule}: each message the box-plus of the two smallest other
 * magnitudes, ln(1 + e^-x) by a three-line envelope in 1/32-LLR units, no normalization), with
 * {@code rdc sw --decoder batch16 --ratio R} (60 iterations, seed 1, code seed 7; success of 2048 / 1024 / 512
 * blocks at n = 4096 / 16384 / 65536, 256 where said):
 * <pre>
 *   n       p = 0.11                                       p = 0.2
 *   4096    R 1.24 (99.66%; 1.22: 98.68%; 1.20: 96.34%)    1.14 (99.85%; 1.16: 99.90%)
 *   16384   1.17 (99.80%; 1.18: 99.90%; 1.15: 97.66%)      1.10 (100%; 1.08: 99.51%)
 *   65536   1.14 (100% of 256; 1.13: 99.22%; 1.12: 91.0%)  1.08 (100%; 1.06: 99.02%; 1.10: 100%)
 * </pre>
 * gap = R - 1 - 2.5 sqrt(n V) / (n h) rounded up to 0.005: 0.17 / 0.135 / 0.125 (p = 0.11) and 0.10 / 0.08 / 0.07
 * (p = 0.2). The float normalized min-sum decoder ({@code SlepianWolfDecoder.floatMinSum()}) needs more than this
 * (BSC(0.2), n = 65536, 256 blocks: 98.4% at 1.21, 99.6% at 1.26), and so does plain min-sum in 16 bits
 * (BSC(0.11), n = 65536: 97.1% at 1.14).
 *
 * <p>n = 65536, p = 0.01 and 0.05 columns (entropies 0.0808 and 0.2864): recalibrated for the corrected min-sum
 * rule attenuated on checks of degree 10 and more ({@code FixedPointRules}: x - (x &gt;&gt; 4) - (x &gt;&gt; 5)
 * up to degree 20, x - (x &gt;&gt; 3) - (x &gt;&gt; 5) above; these codes' checks have degree ~43 and ~11.5), with
 * {@code rdc sw --decoder batch16 --ratio R}, 2048 blocks per point (512 each at seed / code seed 1 / 7, 2 / 7,
 * 3 / 8, 4 / 8): p = 0.01 at R = 1.34: 8 failures, 99.61%, one-sided 95% lower bound 99.30% (1.33: 12 failures,
 * 99.41%; seed 1 alone: 1.32 99.41%, 1.36 99.61%, 1.30 95.5%); p = 0.05 at R = 1.18: 3 failures, 99.85%, lower
 * bound 99.62% (1.175: 7 failures, 99.66%; seed 1: 1.17 98.44%, 1.16 96.1%). Gap = R - 1 - 2.5 sqrt(n V) / (n h)
 * rounded down to 0.001 (so the bits do not exceed R n h): 0.26 (was 0.30) and 0.148 (was 0.168). At these gaps
 * the rate choice gives 1.340 h (99.22% and 99.61% of 512 at seeds 1 and 2) and 1.180 h (99.61%, 100%). The
 * n = 4096 and 16384 rows stay as they were: at their R the attenuated rule decodes at least as many blocks
 * (16384: p = 0.01 1.50 99.61%, p = 0.05 1.25 99.90% of 1024; 4096: 1.80 99.41%, 1.37 99.80% of 2048), so they
 * are now conservative (16384, p = 0.05: 1.23 would do, 99.80% of 1024).
 * Low entropies need a large relative margin because their codes have high rate (few checks of degree
 * 40+), where BP and min-sum are furthest from capacity in relative terms.
 */
public final class RateChoice {

    /** Entropies (bits per source bit) of the measured gap table: h(p) for p = 0.01, 0.05, 0.11, 0.2. */
    private static final double[] GAP_ENTROPY = {0.0, 0.0808, 0.2864, 0.4999, 0.7219, 1.0};

    /** log2 of the block lengths of the gap table's rows. */
    private static final int[] GAP_LOG2_LENGTH = {12, 14, 16};

    /**
     * Measured multiplicative excess, one row per length of {@link #GAP_LOG2_LENGTH}, one column per entropy of
     * {@link #GAP_ENTROPY} (see the class comment); flat beyond the ends.
     */
    private static final double[][] GAP = {
        {0.485, 0.485, 0.245, 0.17, 0.10, 0.24},
        {0.345, 0.345, 0.19, 0.135, 0.08, 0.24},
        {0.325, 0.26, 0.148, 0.125, 0.07, 0.24},
    };

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
     * @return the measured multiplicative excess rate of the codes at that entropy at n = 65536, linearly
     *         interpolated
     */
    public static double codeGap(final double entropy) {
        return interpolate(GAP[GAP.length - 1], entropy);
    }

    /**
     * @param n block length
     * @param entropy H^ in [0, 1]
     * @return the measured multiplicative excess rate of the codes at that entropy and length (linear in H and
     *         in log2 n between the table's lengths, constant outside them)
     */
    public static double codeGap(final int n, final double entropy) {
        final double l = Math.log(Math.max(1, n)) / Math.log(2);
        if (l <= GAP_LOG2_LENGTH[0]) {
            return interpolate(GAP[0], entropy);
        }
        for (int i = 1; i < GAP_LOG2_LENGTH.length; i++) {
            if (l <= GAP_LOG2_LENGTH[i]) {
                final double f = (l - GAP_LOG2_LENGTH[i - 1]) / (GAP_LOG2_LENGTH[i] - GAP_LOG2_LENGTH[i - 1]);
                return (1 - f) * interpolate(GAP[i - 1], entropy) + f * interpolate(GAP[i], entropy);
            }
        }
        return interpolate(GAP[GAP.length - 1], entropy);
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
        final double bits = n * entropy * (1 + codeGap(n, entropy)) + Z_SUCCESS * Math.sqrt(n * dispersion);
        return (int) Math.max(1, Math.min(n, Math.ceil(bits)));
    }

    /**
     * Base code of a rate-adaptive ladder, B / (n H), at the entropies of {@link #GAP_ENTROPY}: just below
     * where the base alone decodes most blocks, so few splits are needed. Measured at n = 65536, 12 blocks per
     * point, mean stopping rate / h(p) (src/site/ldpc.md): p = 0.01: base 1.20 -> 1.395, 1.28 -> 1.365;
     * p = 0.05: 1.10 -> 1.185, 1.11 -> 1.180, 1.14 -> 1.167. With the per-band codes, 16-bit min-sum decoder,
     * 256 blocks: p = 0.01: 1.20 -> 1.306, 1.25 -> 1.298, 1.28 -> 1.303 (2.2 attempts), 1.33 -> 1.334;
     * p = 0.05: 1.14 -> 1.182 (3.1 attempts), 1.17 -> 1.179 (1.5), 1.19 -> 1.191 (1.0), and at 1.14 / 1.17:
     * n = 16384 (512 blocks) 1.190 / 1.190 (3.5 / 2.0 attempts), n = 4096 (1024) 1.212 / 1.214 (4.5 / 3.1):
     * so p = 0.05 takes 1.17 (same rate, fewer requests). p = 0.11 and 0.2 with the corrected min-sum batch
     * decoder, 256 blocks per point (all decoded): p = 0.11: base 1.04 -> 1.130 (5.5 attempts), 1.10 -> 1.116
     * (1.8), 1.12 -> 1.122 (1.1); p = 0.2: 1.02 -> 1.065 (3.2), 1.04 -> 1.060 (2.0), 1.06 -> 1.060 (1.0),
     * 1.14 -> 1.140 (1.0: every block at the base). With the attenuated corrected rule (batch decoder, 256 blocks
     * per point, all decoded): p = 0.01: base 1.20 -> 1.249 (3.5 attempts), 1.22 -> 1.251 (2.6), 1.24 -> 1.256
     * (1.8), 1.28 -> 1.284 (1.2): 1.22 (was 1.28); p = 0.05: 1.10 -> 1.150 (3.5), 1.11 -> 1.148 (2.9), 1.13 ->
     * 1.146 (1.8), 1.15 -> 1.154 (1.2), 1.17 -> 1.171 (1.0): 1.13 (was 1.17). The entropy-0 entry keeps 1.28.
     */
    private static final double[] ADAPTIVE_BASE = {1.28, 1.22, 1.13, 1.10, 1.06, 1.14};

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
