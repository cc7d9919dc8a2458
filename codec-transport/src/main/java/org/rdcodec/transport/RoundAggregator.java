package org.rdcodec.transport;

import org.agrona.DirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;

/**
 * The server's side of a round: takes the workers' frames as they arrive and produces the estimate from
 * those it accepted. {@link DecodingAggregator} decodes each frame on arrival and combines; a codec that
 * decodes the K frames jointly (the CEO codec) keeps the checked frames and decodes them in {@link #finish}.
 * Not thread-safe; one round at a time.
 */
public interface RoundAggregator extends AutoCloseable {

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
     *
     * @param estimate receives the estimate (length P)
     * @return the number of workers whose frames are in the estimate
     */
    int finish(GradientBuffer estimate);

    /** Frees what the aggregator owns. */
    @Override
    void close();
}
