package org.rdcodec.core.quant;

import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;

/**
 * Encodes one worker's gradient into one frame per round. May hold state across rounds (error-feedback
 * residual, off-heap, freed by {@link #close()}). Not thread-safe.
 */
public interface WorkerEncoder extends AutoCloseable {

    /** @return an upper bound on the frame length of any round, for sizing buffers */
    int maxFrameBytes();

    /**
     * Encodes a round's gradient.
     *
     * @param gradient the worker's gradient; its length must be the layout's P; NaN or Inf is rejected
     * @param round training round, &gt;= 0
     * @param dst destination buffer
     * @param offset first byte of the frame in {@code dst}
     * @param capacity bytes available from {@code offset}
     * @return the frame length in bytes
     * @throws NonFiniteGradientException naming the layer and index of the first NaN or Inf
     */
    int encode(GradientBuffer gradient, long round, MutableDirectBuffer dst, int offset, int capacity);

    /** Frees what the encoder owns. */
    @Override
    void close();
}
