package org.rdcodec.transport;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;

/**
 * The server's side of a round: takes the workers' frames as they arrive and produces the estimate from
 * those it accepted. {@link DecodingAggregator} decodes each frame on arrival and combines; a codec that
 * decodes the K frames jointly (the CEO codec, {@link CeoRoundAggregator}) plans the round
 * ({@link #announcement}), keeps the checked frames, decodes in its own order as they arrive ({@link #progress})
 * and may ask workers for more bits through the server's {@link BackLink}.
 * Not thread-safe; one round at a time.
 */
public interface RoundAggregator extends AutoCloseable {

    /** The server's side of the back channel: one request to one worker, and its reply. */
    @FunctionalInterface
    interface BackLink {
        /**
         * Sends a REQUEST to a worker and waits for its REPLY (at most {@code requestTimeoutMs}).
         *
         * @param worker the addressee
         * @param round the current round
         * @param request the request payload ({@link BackRequest})
         * @param offset first byte
         * @param length payload bytes
         * @return the reply's payload (a copy, CRC-checked, the request's sequence), or null if none came in time
         */
        DirectBuffer ask(int worker, long round, DirectBuffer request, int offset, int length);
    }

    /**
     * Back-channel counters of the last finished round.
     *
     * @param requests requests sent to workers (more ladder bits, raw blocks)
     * @param fallbacks blocks fetched raw after a failed decode
     * @param bits bits the requests and their answers are charged (the codec's accounting)
     */
    record BackChannelCounters(long requests, long fallbacks, long bits) {
        /** None. */
        public static final BackChannelCounters NONE = new BackChannelCounters(0, 0, 0);
    }

    /**
     * Called once by the server before the first round.
     *
     * @param link the way to ask workers for more bits
     */
    default void attach(final BackLink link) {
    }

    /** @return the largest {@link #announcement} payload, to size the server's buffer */
    default int maxAnnouncementBytes() {
        return 0;
    }

    /**
     * The payload of round t's ANNOUNCE (e.g. the plan), written after {@link #begin}.
     *
     * @param round the round
     * @param awaited per worker whether the server expects it (not lost)
     * @param out destination
     * @param offset first byte
     * @return payload bytes (0 = none)
     */
    default int announcement(final long round, final boolean[] awaited, final MutableDirectBuffer out, final int offset) {
        return 0;
    }

    /**
     * Decodes whatever the frames accepted so far allow; called by the server between polls (never from inside
     * a poll, so it may use the {@link BackLink}).
     *
     * @throws org.rdcodec.core.frame.FrameException if a frame turns out malformed while decoding (its worker is
     *     then out of the estimate)
     */
    default void progress() {
    }

    /** @return workers whose frames were accepted in the last finished round but who are not in its estimate */
    default int[] dropped() {
        return new int[0];
    }

    /** @return the last finished round's back-channel counters */
    default BackChannelCounters backChannel() {
        return BackChannelCounters.NONE;
    }

    /**
     * Starts a round; frames of the previous one are forgotten.
     *
     * @param round the round
     */
    void begin(long round);

    /**
     * Takes worker {@code worker}'s frame of the current round. The frame is checked (CRC-32C, layout, and
     * that it says it is this worker's frame of this round) before anything of it is kept.
     *
     * @param worker the sender
     * @param buffer the buffer holding the frame (valid only during the call)
     * @param offset first byte
     * @param length frame bytes
     * @throws org.rdcodec.core.frame.FrameException if the frame is rejected; then nothing of it is kept
     */
    void accept(int worker, DirectBuffer buffer, int offset, int length);

    /**
     * Writes the estimate from the accepted frames; with none accepted, {@code estimate} is left as it was.
     * Workers whose frame is missing at this point are out of the round.
     *
     * @param estimate receives the estimate (length P)
     * @return the number of workers whose frames were accepted and who were not {@link #dropped}
     */
    int finish(GradientBuffer estimate);

    /** Frees what the aggregator owns. */
    @Override
    void close();
}
