package org.rdcodec.sw.bp;

import org.rdcodec.sw.ldpc.ParityCheckMatrix;
import org.rdcodec.sw.ldpc.SyndromeCodingException;

/** Shared helpers of the decoders: input checks, hard decisions and the full syndrome test. */
final class Syndromes {

    private Syndromes() {
    }

    /** Copies llr into posterior, clamped to +-{@link BeliefPropagation#LLR_CLAMP}; rejects NaN and bad shapes. */
    static void loadClamped(final ParityCheckMatrix h, final float[] llr, final long[] syndrome, final long[] out,
            final float[] posterior) {
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
        final float c = BeliefPropagation.LLR_CLAMP;
        for (int i = 0; i < n; i++) {
            final float x = llr[i];
            if (Float.isNaN(x)) {
                throw new SyndromeCodingException("decoder: LLR " + i + " is NaN");
            }
            posterior[i] = Math.max(-c, Math.min(c, x));
        }
    }

    /** @return true if the sign bits of posterior satisfy every check */
    static boolean satisfied(final ParityCheckMatrix h, final float[] posterior, final long[] syndrome) {
        final int[] rs = h.rowStart();
        final int[] rv = h.rowVars();
        for (int c = 0, m = h.m(); c < m; c++) {
            int parity = (int) (syndrome[c >>> 6] >>> c) & 1;
            for (int e = rs[c], end = rs[c + 1]; e < end; e++) {
                parity ^= Float.floatToRawIntBits(posterior[rv[e]]) >>> 31;
            }
            if (parity != 0) {
                return false;
            }
        }
        return true;
    }

    /** Hard decisions (sign bit set means bit 1) into out. */
    static void hardDecide(final float[] posterior, final int n, final long[] out) {
        final int words = (n + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            long x = 0;
            final int base = w << 6;
            final int lim = Math.min(64, n - base);
            for (int b = 0; b < lim; b++) {
                x |= (long) (Float.floatToRawIntBits(posterior[base + b]) >>> 31) << b;
            }
            out[w] = x;
        }
        for (int w = words; w < out.length; w++) {
            out[w] = 0;
        }
    }
}
