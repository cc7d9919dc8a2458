package org.rdcodec.sw.bp;

import org.rdcodec.sw.ldpc.ParityCheckMatrix;

/**
 * One belief-propagation decoder for syndrome (Slepian-Wolf) decoding: find x with H x = s given per-bit
 * log-likelihood ratios of the side information, LLR_i = ln P(x_i = 0 | y) / P(x_i = 1 | y). The syndrome
 * bit of a check flips the sign of every message the check sends (a check with s_c = 1 says "odd parity").
 *
 * <p>Instances hold scratch buffers: one per thread.
 */
public interface BeliefPropagation {

    /** LLRs are clamped to +-this before decoding: beyond it a bit is certain, and infinities would give NaN. */
    float LLR_CLAMP = 64f;

    /**
     * What a check with no other inputs (degree 1, which split checks can have) says about its variable:
     * "certain", as a finite number far above {@link #LLR_CLAMP} so that sums never overflow to infinity or NaN.
     */
    float CERTAIN = 1.0e4f;

    /**
     * @param h the matrix
     * @param llr n input LLRs (finite or infinite, not NaN)
     * @param syndrome h.m() syndrome bits, packed
     * @param maxIterations iteration limit
     * @param out receives the hard decisions, packed (ceil(n / 64) words, bits beyond n cleared)
     * @return iterations used if the syndrome is satisfied, or -1 if not within maxIterations
     */
    int decode(ParityCheckMatrix h, float[] llr, long[] syndrome, int maxIterations, long[] out);

    /** @return a short name for reports */
    String name();
}
