package org.rdcodec.sw.ceo;

import org.rdcodec.core.quant.Dither;

/**
 * The entropy-coded worker's index streams are split by the bin of the coordinate's dither, which the
 * server knows without bits: coding q given the bin takes the rate from H(q) towards H(q | u), the ECDQ rate
 * (the same rule as the core's dithered codec): C = 16 from 2^18 coordinates, 4 from 2^14, when the step is
 * coarser than half the layer's RMS; else 1.
 */
final class EntropyContexts {

    /** Most contexts. */
    static final int MAX = 16;

    private EntropyContexts() {
    }

    static int count(final int n, final double step, final double rms) {
        if (!(step > 0.5 * rms)) {
            return 1;
        }
        return n >= 1 << 18 ? 16 : n >= 1 << 14 ? 4 : 1;
    }

    /** Context of coordinate i: floor(unit(i) C) from the 24 bits that make its dither. */
    static int of(final int key, final int i, final int contexts) {
        return (int) (((long) (Dither.hash(key, i) >>> 8) * contexts) >>> 24);
    }

    /** Groups q by context (stable); returns the per-context counts. */
    static int[] group(final int[] q, final int n, final int key, final int contexts, final int[] grouped) {
        final int[] counts = new int[contexts];
        for (int i = 0; i < n; i++) {
            counts[of(key, i, contexts)]++;
        }
        final int[] at = new int[contexts];
        for (int c = 1; c < contexts; c++) {
            at[c] = at[c - 1] + counts[c - 1];
        }
        for (int i = 0; i < n; i++) {
            grouped[at[of(key, i, contexts)]++] = q[i];
        }
        return counts;
    }

    /** Inverse of {@link #group}. */
    static void scatter(final int[] grouped, final int n, final int key, final int contexts, final int[] counts, final int[] q) {
        final int[] at = new int[contexts];
        for (int c = 1; c < contexts; c++) {
            at[c] = at[c - 1] + counts[c - 1];
        }
        for (int i = 0; i < n; i++) {
            q[i] = grouped[at[of(key, i, contexts)]++];
        }
    }
}
