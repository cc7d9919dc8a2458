package org.rdcodec.sw.ceo;

/**
 * What one bit-plane of one worker's layer cost, as the server saw it.
 *
 * @param worker k
 * @param layer l
 * @param plane bit index (0 = least significant)
 * @param kind how it travelled
 * @param sourceBits coordinates (bits of the plane)
 * @param sentBits bits in the frame for the plane (syndromes, raw bits or CRCs), excluding fallbacks
 * @param fallbackBits bits fetched after the frame: more ladder bits (rate-adaptive) and raw blocks after
 *     failures, each with its request
 * @param conditionalEntropyBits sum over coordinates of h_b of the server's LLR: the plane's conditional
 *     entropy given the side information and the planes above (what an ideal Slepian-Wolf code would pay)
 * @param fallbacks blocks that failed and were fetched raw
 */
public record PlaneStat(int worker, int layer, int plane, PlaneKind kind, int sourceBits, long sentBits,
        long fallbackBits, double conditionalEntropyBits, int fallbacks) {
}
