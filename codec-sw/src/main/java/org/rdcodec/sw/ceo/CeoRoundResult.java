package org.rdcodec.sw.ceo;

import java.util.List;

/**
 * One round of the CEO codec: the unbiased estimate and where the bits went.
 *
 * @param plan the plan the round ran with
 * @param estimate Xhat, layout.totalSize() values
 * @param frameBits per worker, bits of its frame (0 if it sent none)
 * @param fallbackBits per worker, bits fetched after its frame (rate-adaptive ladder bits, raw blocks after
 *     failures, and the requests)
 * @param steps per worker and layer, the step its frame carried (0 if silent)
 * @param planes per plane of every bit-plane-coded worker and layer
 * @param fallbacks blocks fetched raw after a failed decode or CRC
 * @param requests back-channel requests: raw blocks after failures and rate-adaptive ladder increments
 * @param dropped workers active in the plan that are not in the whole estimate: no frame, or gone while the
 *     server was asking them for bits (their layers decoded before that stay in)
 */
public record CeoRoundResult(CeoPlan plan, float[] estimate, long[] frameBits, long[] fallbackBits, double[][] steps,
        List<PlaneStat> planes, int fallbacks, int requests, int[] dropped) {

    /** @return all bits sent in the round: frames plus fallbacks */
    public long totalBits() {
        long b = 0;
        for (int k = 0; k < frameBits.length; k++) {
            b += frameBits[k] + fallbackBits[k];
        }
        return b;
    }
}
