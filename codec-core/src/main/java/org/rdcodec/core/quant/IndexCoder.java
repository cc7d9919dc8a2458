package org.rdcodec.core.quant;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;

/**
 * Codes a layer's quantization indices into a payload and back. Stand-in: zig-zag varints, until the
 * rANS coder of {@code org.rdcodec.core.entropy} takes its place.
 */
final class IndexCoder {

    private IndexCoder() {
    }

    /**
     * @param n number of indices
     * @return the most bytes {@link #encode} may write for them
     */
    static int maxBytes(final int n) {
        return 5 * n;
    }

    static int encode(final int[] q, final int n, final MutableDirectBuffer dst, final int pos, final int capacity) {
        int p = pos;
        final int end = pos + capacity;
        for (int i = 0; i < n; i++) {
            int z = (q[i] << 1) ^ (q[i] >> 31);
            while ((z & ~0x7f) != 0) {
                if (p >= end) {
                    throw new FrameException(FrameError.OVERSIZED, "index stream does not fit in " + capacity + " bytes");
                }
                dst.putByte(p++, (byte) ((z & 0x7f) | 0x80));
                z >>>= 7;
            }
            if (p >= end) {
                throw new FrameException(FrameError.OVERSIZED, "index stream does not fit in " + capacity + " bytes");
            }
            dst.putByte(p++, (byte) z);
        }
        return p - pos;
    }

    static void decode(final DirectBuffer src, final int pos, final int length, final int[] q, final int n, final String where) {
        int p = pos;
        final int end = pos + length;
        for (int i = 0; i < n; i++) {
            int z = 0;
            int shift = 0;
            while (true) {
                if (p >= end) {
                    throw new FrameException(FrameError.BAD_PAYLOAD, where + ": index stream ends after " + i + " of " + n + " indices");
                }
                final int b = src.getByte(p++);
                z |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
                shift += 7;
                if (shift > 28) {
                    throw new FrameException(FrameError.BAD_PAYLOAD, where + ": index " + i + " is longer than 5 bytes");
                }
            }
            q[i] = (z >>> 1) ^ -(z & 1);
        }
        if (p != end) {
            throw new FrameException(FrameError.BAD_PAYLOAD, where + ": " + (end - p) + " bytes left after " + n + " indices");
        }
    }
}
