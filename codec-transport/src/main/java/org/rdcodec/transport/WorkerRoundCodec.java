package org.rdcodec.transport;

import org.agrona.DirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;

/**
 * A worker's codec as the round protocol sees it: encode the gradient of an announced round (with the
 * announcement's payload, e.g. the CEO plan), and answer the server's back-channel requests. Not thread-safe.
 */
public interface WorkerRoundCodec extends AutoCloseable {

    /** @return a typical (not a bounding) frame size, to size the uplink's term buffer */
    int nominalFrameBytes();

    /**
     * @param round the announced round
     * @param announcement the ANNOUNCE payload (valid only during the call)
     * @param offset its first byte
     * @param length its bytes (0 if none)
     * @param gradient this worker's gradient of the round
     * @param out receives the frame (grown as needed)
     * @param at where the frame starts in out
     * @return frame bytes; 0 = nothing to send this round (the plan has the worker silent)
     * @throws org.rdcodec.core.frame.FrameException if the announcement is refused
     */
    int encode(long round, DirectBuffer announcement, int offset, int length, GradientBuffer gradient,
            GrowableBuffer out, int at);

    /**
     * @param round the current round
     * @param request a checked request
     * @param out receives the reply payload ({@link BackReply})
     * @param at where it starts
     * @return reply bytes
     * @throws TransportException if this codec has no back channel
     */
    default int answer(final long round, final BackRequest request, final GrowableBuffer out, final int at) {
        throw new TransportException("this worker's codec has no back channel (request " + request.sequence() + " of round " + round + ")");
    }

    /** Frees what the codec owns. */
    @Override
    void close();
}
