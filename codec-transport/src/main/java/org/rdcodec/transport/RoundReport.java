package org.rdcodec.transport;

/**
 * What happened in one round at the server.
 *
 * @param round the round
 * @param expected workers the server waited for (not lost)
 * @param present workers whose checked frames are in the estimate, by index
 * @param late workers the server waited for whose frame had not arrived (or was rejected) by the deadline
 * @param lost workers declared lost at the end of this round
 * @param corruptFrames frames rejected this round (CRC or contents), never in the estimate
 * @param lateFrames frames of earlier rounds that arrived during this one, discarded
 * @param frameBytes bytes of the accepted frames (what the rate is measured from)
 * @param downlinkBytes bytes of the estimate message broadcast (0 if no estimate)
 * @param seconds from the announcement to the estimate's broadcast
 * @param dropped workers whose frames were accepted but who went away while the server asked them for more bits
 *     (CEO codec): not in {@code present}, not in the estimate (beyond the layers decoded before)
 * @param backChannel requests, fallbacks and the bits they are charged (CEO codec; zeros otherwise)
 * @param chunkErrors chunked messages discarded (out of order, inconsistent, or incomplete at the end of their round)
 */
public record RoundReport(long round, int expected, int[] present, int[] late, int[] lost, int corruptFrames, int lateFrames,
        long frameBytes, long downlinkBytes, double seconds, int[] dropped, RoundAggregator.BackChannelCounters backChannel,
        int chunkErrors) {
}
