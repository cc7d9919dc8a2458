package org.rdcodec.transport;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.frame.Crc32cChecksum;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;

/**
 * The payload of a REPLY (little-endian):
 *
 * <pre>
 * offset    size  field
 *      0       4  sequence  the request's
 *      4       4  status    0 = bits follow; 1 = the worker does not hold them (another round, nothing kept)
 *      8       4  bits      number of bits B
 *     12  ceil(B/8)  the bits, bit i at byte i / 8, position i % 8
 *   12+ceil(B/8)  4  CRC-32C of everything before
 * </pre>
 */
public final class BackReply {

    /** Status: the bits follow. */
    public static final int OK = 0;
    /** Status: the worker does not hold what was asked. */
    public static final int NOT_HELD = 1;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private BackReply() {
    }

    /**
     * @param bits B
     * @return the payload length
     */
    public static int length(final int bits) {
        return 16 + ((bits + 7) >>> 3);
    }

    /**
     * @param sequence the request's
     * @param status OK or NOT_HELD
     * @param words the bits, packed (ignored unless OK)
     * @param bits B (0 unless OK)
     * @param out destination, {@link #length} bytes from at
     * @param at first byte
     * @return bytes written
     */
    public static int write(final int sequence, final int status, final long[] words, final int bits, final MutableDirectBuffer out,
            final int at) {
        out.putInt(at, sequence, ORDER);
        out.putInt(at + 4, status, ORDER);
        out.putInt(at + 8, bits, ORDER);
        final int bytes = (bits + 7) >>> 3;
        for (int b = 0; b < bytes; b++) {
            out.putByte(at + 12 + b, (byte) (words[b >>> 3] >>> ((b & 7) << 3)));
        }
        out.putInt(at + 12 + bytes, Crc32cChecksum.compute(out, at, 12 + bytes), ORDER);
        return 16 + bytes;
    }

    /**
     * @param in the payload
     * @param at first byte
     * @param length payload bytes
     * @return the sequence number (after the CRC check)
     * @throws FrameException TRUNCATED or CORRUPTED
     */
    public static int check(final DirectBuffer in, final int at, final int length) {
        if (length < 16) {
            throw new FrameException(FrameError.TRUNCATED, "back-channel reply of " + length + " bytes, at least 16 needed");
        }
        final int bits = in.getInt(at + 8, ORDER);
        if (bits < 0 || length(bits) != length) {
            throw new FrameException(FrameError.MALFORMED, "back-channel reply of " + length + " bytes says " + bits + " bits");
        }
        if (Crc32cChecksum.compute(in, at, length - 4) != in.getInt(at + length - 4, ORDER)) {
            throw new FrameException(FrameError.CORRUPTED, "back-channel reply: CRC-32C mismatch");
        }
        return in.getInt(at, ORDER);
    }

    /**
     * @param in a checked payload
     * @param at first byte
     * @return the status
     */
    public static int status(final DirectBuffer in, final int at) {
        return in.getInt(at + 4, ORDER);
    }

    /**
     * @param in a checked payload
     * @param at first byte
     * @param expectedBits the bits asked for
     * @return the bits, packed
     * @throws FrameException MALFORMED if the reply holds another number of bits
     */
    public static long[] bits(final DirectBuffer in, final int at, final int expectedBits) {
        final int bits = in.getInt(at + 8, ORDER);
        if (bits != expectedBits) {
            throw new FrameException(FrameError.MALFORMED, "back-channel reply holds " + bits + " bits, " + expectedBits + " were asked");
        }
        final long[] w = new long[(bits + 63) >>> 6];
        final int bytes = (bits + 7) >>> 3;
        for (int b = 0; b < bytes; b++) {
            w[b >>> 3] |= (in.getByte(at + 12 + b) & 0xffL) << ((b & 7) << 3);
        }
        return w;
    }
}
