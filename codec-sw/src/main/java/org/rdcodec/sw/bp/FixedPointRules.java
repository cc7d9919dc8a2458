package org.rdcodec.sw.bp;

import org.rdcodec.sw.ldpc.ParityCheckMatrix;
import org.rdcodec.sw.ldpc.SyndromeCodingException;

/**
 * The exact arithmetic of the 16-bit fixed-point layered min-sum decoders ({@link LayeredFixedPointMinSumDecoder},
 * one block, and {@link BatchFixedPointMinSumDecoder}, many blocks in the lanes of a {@code ShortVector}); both
 * follow these rules operation for operation, so their results are identical (tested).
 *
 * <ul>
 *   <li>Input: q_v = rint(SCALE * clamp(LLR_v, +-{@link BeliefPropagation#LLR_CLAMP})), so |q| &le; 2048
 *       ({@link #SCALE} = 32: 1/32 LLR steps). NaN is rejected.</li>
 *   <li>Posteriors L and messages R are 16-bit two's complement values.</li>
 *   <li>Extrinsic: t = max(sat16(L - R), -{@link #MAX}) (saturating subtract, then symmetric, so |t| never
 *       overflows).</li>
 *   <li>Sign: bit 15 of t (0 counts as positive); the check's sign product starts from its syndrome bit.</li>
 *   <li>min1, min2: the two smallest |t| of the row, both starting at {@link #MAX} (a degree-1 check thus
 *       sends a near-certain message).</li>
 *   <li>Normalization by shifts: a(x) = x - (x &gt;&gt; s1) - (x &gt;&gt; s2) with (s1, s2) by check degree:
 *       &le; 8: (4, 5), alpha = 0.906; &le; 20: (3, 5), 0.844; else (3, 4), 0.8125 (the float decoder's 0.9 /
 *       0.85 / 0.8 rounded to two shifts; x &ge; 0, so the shifts round down).</li>
 *   <li>Message: magnitude a(min2) on an edge with |t| == min1, else a(min1); negated (two's complement)
 *       when the product of the row's other signs and the syndrome bit is odd.</li>
 *   <li>New posterior: L = sat16(t + R) (may reach -32768; the next extrinsic re-symmetrizes it).</li>
 *   <li>Corrected min-sum ({@link FixedPointCheckRule#CORRECTED_MIN_SUM}) instead of the last three: the three
 *       smallest |t| of the row, a1 &le; a2 &le; a3 (all starting at {@link #MAX}: min3 = min(min3, max(min2,
 *       |t|)), min2 = min(min2, max(min1, |t|)), min1 = min(min1, |t|), in that order); magnitude box(a2, a3)
 *       on an edge with |t| == a1, else box(a1, a3) on an edge with |t| == a2, else box(a1, a2) (on ties the
 *       values coincide, so matching by value equals matching by edge); no normalization. box(a, b) for a &le; b
 *       is max(0, a + F(sat16(a + b)) - F(b - a)) ({@link #boxPlus(int, int)}), F the correction below. Sign,
 *       negation and new posterior as in min-sum.</li>
 *   <li>Attenuation of the corrected magnitudes by check degree, the same a(x) = x - (x &gt;&gt; s1) - (x &gt;&gt; s2)
 *       applied to box(.,.): degree &le; {@value #CORRECTED_PLAIN_DEGREE}: none (s1 = s2 = {@value #NO_SHIFT}, so
 *       a(x) = x); &le; {@value #CORRECTED_MILD_DEGREE}: (4, 5), 0.906; else (3, 5), 0.844. The box-plus of only
 *       the two smallest of d - 1 magnitudes ignores the d - 3 others, each of which would lower the exact
 *       sum-product magnitude a little: on checks of degree 10 and more that over-confidence costs rate
 *       (src/site/ldpc.md, "Attenuated corrected min-sum for high-degree checks").</li>
 *   <li>Correction F(q) = max(0, 22 - (q &gt;&gt; 1), 18 - (q &gt;&gt; 2), 7 - (q &gt;&gt; 4)) for q &ge; 0
 *       ({@link #correction(int)}): 32 ln(1 + e^-(q/32)) (ln(1 + e^-x) in the fixed-point scale) approximated
 *       by the upper envelope of three lines of slopes -1/2, -1/4, -1/16, roughly its tangents at x = 0, 1 and
 *       2.5 (the function is convex, so tangents lie below it), intercepts chosen to minimize the largest error
 *       over q in [0, 2000): 1.17 units = 0.037 LLR (largest at q = 16, 56 and 64); F = 0 from q = 112 (3.5 LLR,
 *       where the exact value is under 1 unit).</li>
 *   <li>Hard decision: bit 1 iff L &lt; 0. Early stop as in the float decoder: every check's parity from the
 *       posteriors it just wrote, then, if all were satisfied, the full syndrome on the final posteriors.</li>
 * </ul>
 */
public final class FixedPointRules {

    /** Fixed-point units per LLR unit. */
    public static final int SCALE = 32;

    /** Largest magnitude of an extrinsic value (symmetric 16-bit range). */
    public static final int MAX = Short.MAX_VALUE;

    private FixedPointRules() {
    }

    /**
     * @param llr an LLR (not NaN; infinities clamp)
     * @return its fixed-point value
     */
    public static short quantize(final float llr) {
        final float c = BeliefPropagation.LLR_CLAMP;
        return (short) Math.rint(SCALE * Math.max(-c, Math.min(c, llr)));
    }

    /** @return saturating 16-bit clamp of an int */
    static int sat16(final int x) {
        return Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, x));
    }

    /** @return first normalization shift for a check of this degree */
    static int shift1(final int degree) {
        return degree <= 20 ? (degree <= 8 ? 4 : 3) : 3;
    }

    /** @return second normalization shift for a check of this degree */
    static int shift2(final int degree) {
        return degree <= 20 ? 5 : 4;
    }

    /** Largest check degree whose corrected messages are not attenuated. */
    public static final int CORRECTED_PLAIN_DEGREE = 9;

    /** Largest check degree whose corrected messages are attenuated by the milder factor 0.906. */
    public static final int CORRECTED_MILD_DEGREE = 20;

    /** A shift that leaves a magnitude unchanged: x &gt;&gt; 15 is 0 for 0 &le; x &le; 32767. */
    static final int NO_SHIFT = 15;

    /**
     * @param degree a check's degree
     * @return first attenuation shift of corrected min-sum: none ({@link #NO_SHIFT}) up to degree
     *         {@value #CORRECTED_PLAIN_DEGREE}, 4 up to {@value #CORRECTED_MILD_DEGREE}, else 3
     */
    static int correctedShift1(final int degree) {
        return degree <= CORRECTED_PLAIN_DEGREE ? NO_SHIFT : degree <= CORRECTED_MILD_DEGREE ? 4 : 3;
    }

    /**
     * @param degree a check's degree
     * @return second attenuation shift of corrected min-sum: none up to degree {@value #CORRECTED_PLAIN_DEGREE},
     *         else 5
     */
    static int correctedShift2(final int degree) {
        return degree <= CORRECTED_PLAIN_DEGREE ? NO_SHIFT : 5;
    }

    /** @return the normalized magnitude a(x) */
    static int normalize(final int x, final int s1, final int s2) {
        return x - (x >> s1) - (x >> s2);
    }

    /**
     * @param q a magnitude sum or difference in fixed point, 0 &le; q &le; {@link #MAX}
     * @return F(q), ln(1 + e^-(q / SCALE)) in fixed point, by the three-line envelope of the class comment
     */
    public static int correction(final int q) {
        return Math.max(Math.max(0, 22 - (q >> 1)), Math.max(18 - (q >> 2), 7 - (q >> 4)));
    }

    /**
     * @param a the smaller magnitude, 0 &le; a &le; b
     * @param b the larger magnitude, &le; {@link #MAX}
     * @return box(a, b) = max(0, a + F(sat16(a + b)) - F(b - a)), the fixed-point magnitude of the sum-product
     *         combination of two messages of magnitudes a and b
     */
    public static int boxPlus(final int a, final int b) {
        return Math.max(0, a + correction(sat16(a + b)) - correction(b - a));
    }

    /** Quantizes llr into q after the shape checks of the float decoders. */
    static void load(final ParityCheckMatrix h, final float[] llr, final long[] syndrome, final long[] out,
            final short[] q) {
        final int n = h.n();
        if (llr.length != n) {
            throw new SyndromeCodingException("decoder: " + llr.length + " LLRs for a code of n=" + n);
        }
        if (syndrome.length < ((h.m() + 63) >>> 6)) {
            throw new SyndromeCodingException("decoder: syndrome has " + syndrome.length * 64L
                    + " bits, code needs " + h.m());
        }
        if (out.length < ((n + 63) >>> 6)) {
            throw new SyndromeCodingException("decoder: output has room for " + out.length * 64L
                    + " bits, code needs " + n);
        }
        for (int i = 0; i < n; i++) {
            final float x = llr[i];
            if (Float.isNaN(x)) {
                throw new SyndromeCodingException("decoder: LLR " + i + " is NaN");
            }
            q[i] = quantize(x);
        }
    }

    /** @return true if the signs of posterior satisfy every check */
    static boolean satisfied(final ParityCheckMatrix h, final short[] posterior, final long[] syndrome) {
        final int[] rs = h.rowStart();
        final int[] rv = h.rowVars();
        for (int c = 0, m = h.m(); c < m; c++) {
            int parity = (int) (syndrome[c >>> 6] >>> c) & 1;
            for (int e = rs[c], end = rs[c + 1]; e < end; e++) {
                parity ^= posterior[rv[e]] >>> 31;
            }
            if (parity != 0) {
                return false;
            }
        }
        return true;
    }

    /** Hard decisions (negative means bit 1) into out, words beyond n cleared. */
    static void hardDecide(final short[] posterior, final int n, final long[] out) {
        final int words = (n + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            long x = 0;
            final int base = w << 6;
            final int lim = Math.min(64, n - base);
            for (int b = 0; b < lim; b++) {
                x |= (long) (posterior[base + b] >>> 31 & 1) << b;
            }
            out[w] = x;
        }
        for (int w = words; w < out.length; w++) {
            out[w] = 0;
        }
    }
}
