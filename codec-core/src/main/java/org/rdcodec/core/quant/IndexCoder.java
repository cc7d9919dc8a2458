package org.rdcodec.core.quant;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.entropy.EntropyCapacityException;
import org.rdcodec.core.entropy.EntropyFormatException;
import org.rdcodec.core.entropy.RansDecoder;
import org.rdcodec.core.entropy.RansEncoder;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;

/**
 * Codes a layer's quantization indices with the interleaved rANS coder of
 * {@code org.rdcodec.core.entropy} (frequency table per layer inside the stream, escapes for rare
 * large indices), and turns its errors into frame errors that say which layer. One per encoder or
 * decoder: it holds the coder's scratch tables.
 */
final class IndexCoder {

    private final RansEncoder encoder = new RansEncoder();
    private final RansDecoder decoder = new RansDecoder();

    /**
     * @param n number of indices
     * @return the most bytes {@link #encode} may write for them
     */
    static long maxBytes(final int n) {
        return RansEncoder.maxEncodedLength(n);
    }

    int encode(final int[] q, final int from, final int n, final MutableDirectBuffer dst, final int pos, final int capacity, final String where) {
        try {
            return encoder.encode(q, from, n, dst, pos, capacity);
        } catch (final EntropyCapacityException e) {
            throw new FrameException(FrameError.OVERSIZED, where + ": " + e.getMessage(), e);
        }
    }

    void decode(final DirectBuffer src, final int pos, final int length, final int[] q, final int from, final int n, final String where) {
        try {
            decoder.decode(src, pos, length, q, from, n);
        } catch (final EntropyFormatException e) {
            throw new FrameException(FrameError.BAD_PAYLOAD, where + ": index stream: " + e.getMessage(), e);
        }
    }
}
