package org.rdcodec.sw.bp;

/**
 * Layered min-sum with a correction term: each check message is the exact sum-product combination ("box-plus")
 * of the two smallest extrinsic magnitudes among the other edges, instead of the smallest one scaled by a
 * normalization factor. An experiment between the fast normalized min-sum and the sum-product reference: on BSC
 * side information (every |LLR| equal) normalized min-sum is sharply tuned and loses up to 0.02 h(p) against
 * sum-product (src/site/ldpc.md, "How much of the gap is the decoder"); this rule needs no tuned factor.
 *
 * <p>Per check: extrinsics t_e = L_v - R_e; the three smallest magnitudes a1 &le; a2 &le; a3 and the edges of
 * the first two. The edge holding a1 gets box(a2, a3), the edge holding a2 gets box(a1, a3), every other edge
 * box(a1, a2), where box(a, b) = min(a, b) + ln(1 + e^-(a + b)) - ln(1 + e^-|a - b|) is the magnitude of the
 * sum-product combination of two messages (and box(a, +inf) = a). Signs as in min-sum, with the syndrome bit
 * folded in. Ignoring the larger magnitudes makes each message a little too large, as in min-sum, but far
 * less so.
 *
 * <p>Scalar, float messages, one block: a reference for the rate a cheap correction can recover, not a fast
 * path (two {@code exp}/{@code log1p} pairs per check, three multiplies fewer than sum-product per edge).
 */
public final class LayeredCorrectedMinSumDecoder extends LayeredFloatDecoder {

    @Override
    public String name() {
        return "layered-corrected-min-sum";
    }

    /**
     * @param a a magnitude, &ge; 0
     * @param b a magnitude, &ge; 0, possibly +infinity
     * @return the magnitude of the sum-product combination of two messages of magnitudes a and b
     */
    static float boxPlus(final float a, final float b) {
        if (b == Float.POSITIVE_INFINITY) {
            return a;
        }
        if (a == Float.POSITIVE_INFINITY) {
            return b;
        }
        final double lo = Math.min(a, b);
        final double corr = Math.log1p(Math.exp(-(a + (double) b))) - Math.log1p(Math.exp(-Math.abs(a - (double) b)));
        return (float) Math.max(0.0, lo + corr);
    }

    @Override
    int updateCheck(final float[] post, final float[] r, final float[] t, final int[] rv, final int start, final int deg,
            final int syn) {
        int sign = syn;
        // a check with fewer than three edges sends "certain" where it has no input (as min-sum does)
        float a1 = CERTAIN;
        float a2 = CERTAIN;
        float a3 = CERTAIN;
        int i1 = -1;
        int i2 = -1;
        for (int i = 0; i < deg; i++) {
            final float x = post[rv[start + i]] - r[start + i];
            t[i] = x;
            sign ^= Float.floatToRawIntBits(x) >>> 31;
            final float a = Math.min(Math.abs(x), CERTAIN);
            if (a < a1) {
                a3 = a2;
                a2 = a1;
                i2 = i1;
                a1 = a;
                i1 = i;
            } else if (a < a2) {
                a3 = a2;
                a2 = a;
                i2 = i;
            } else if (a < a3) {
                a3 = a;
            }
        }
        final float m12 = boxPlus(a1, a2);
        final float m13 = boxPlus(a1, a3);
        final float m23 = boxPlus(a2, a3);
        int parity = syn;
        for (int i = 0; i < deg; i++) {
            final float x = t[i];
            final float mag = i == i1 ? m23 : i == i2 ? m13 : m12;
            final float msg = ((sign ^ (Float.floatToRawIntBits(x) >>> 31)) & 1) == 0 ? mag : -mag;
            r[start + i] = msg;
            final float nl = x + msg;
            parity ^= Float.floatToRawIntBits(nl) >>> 31;
            post[rv[start + i]] = nl;
        }
        return parity;
    }
}
