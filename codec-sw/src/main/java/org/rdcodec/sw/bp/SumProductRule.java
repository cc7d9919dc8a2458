package org.rdcodec.sw.bp;

/**
 * The exact check-node rule of sum-product in the phi domain, in double precision:
 * |R_e| = phi(sum_{e' != e} phi(|t_e'|)), phi(x) = -ln tanh(x / 2) = ln((1 + e^-x) / (1 - e^-x)),
 * which is its own inverse. Magnitudes are clamped to [{@link #MIN_MAG}, {@link #MAX_MAG}] so phi stays finite.
 */
final class SumProductRule {

    /** phi(1e-9) is about 21.4: a message from a check with a zero-information input carries nothing. */
    static final double MIN_MAG = 1e-9;
    /** phi(40) is about 8.5e-18, far below any sum that matters. */
    static final double MAX_MAG = 40.0;

    private SumProductRule() {
    }

    static double phi(final double x) {
        final double c = Math.min(MAX_MAG, Math.max(MIN_MAG, x));
        final double e = Math.exp(-c);
        return Math.log1p(e) - Math.log1p(-e);
    }

    /**
     * Replaces t[0..deg) (extrinsic inputs) by the outgoing messages of a check with syndrome bit syn.
     */
    static void update(final float[] t, final double[] phis, final int deg, final int syn) {
        double sum = 0;
        int sign = syn;
        for (int i = 0; i < deg; i++) {
            final double p = phi(Math.abs(t[i]));
            phis[i] = p;
            sum += p;
            sign ^= Float.floatToRawIntBits(t[i]) >>> 31;
        }
        for (int i = 0; i < deg; i++) {
            final double mag = phi(Math.max(sum - phis[i], 0.0));
            final int s = sign ^ (Float.floatToRawIntBits(t[i]) >>> 31);
            t[i] = (float) (s == 0 ? mag : -mag);
        }
    }
}
