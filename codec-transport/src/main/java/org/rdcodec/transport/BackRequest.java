package org.rdcodec.transport;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.frame.Crc32cChecksum;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;

/**
 * Flyweight over the payload of a REQUEST: the CEO server asks one worker for more bits of one block of one
 * bit-plane of the current round (little-endian):
 *
 * <pre>
 * offset  size  field
 *      0     4  sequence  the server's request number within the round (the reply echoes it)
 *      4     4  kind      1 = the block's raw bits (fallback after a failed decode), 2 = ladder bits
 *      8     4  layer     l
 *     12     4  plane     bit index 0..29; for E8 layers also 30 (the low plane's pair bit) and 31 (the coset bits)
 *     16     4  from      first coordinate of the block in the layer
 *     20     4  n         block length
 *     24     4  base      B of the block's rate-adaptive ladder (kind 2; else 0)
 *     28     4  bitFrom   first ladder bit wanted (kind 2; else 0)
 *     32     4  bitTo     one past the last ladder bit wanted (kind 2; else n)
 *     36     4  CRC-32C of bytes [0, 36)
 * </pre>
 *
 * The CEO accounting charges each request {@code CeoServerDecoder.REQUEST_BITS} = 64 bits (the fields a
 * request needs once the round, worker and plane are implied) plus the bits it brings back.
 */
public final class BackRequest {

    /** Payload length. */
    public static final int LENGTH = 40;

    /** Largest plane id: bit-planes 0..29, and the E8 sections' pair plane (30) and coset plane (31). */
    public static final int MAX_PLANE = 31;
    /** Kind: raw block bits. */
    public static final int RAW = 1;
    /** Kind: rate-adaptive ladder bits. */
    public static final int LADDER = 2;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private DirectBuffer buffer;
    private int offset;

    /** An unbound flyweight. */
    public BackRequest() {
    }

    /**
     * @param b the buffer
     * @param at first byte
     * @return this
     */
    public BackRequest wrap(final DirectBuffer b, final int at) {
        this.buffer = b;
        this.offset = at;
        return this;
    }

    /**
     * Writes every field and the CRC.
     *
     * @param sequence request number
     * @param kind RAW or LADDER
     * @param layer l
     * @param plane bit index
     * @param from first coordinate
     * @param n block length
     * @param base ladder base
     * @param bitFrom first ladder bit
     * @param bitTo one past the last
     * @return this
     */
    public BackRequest write(final int sequence, final int kind, final int layer, final int plane, final int from, final int n,
            final int base, final int bitFrom, final int bitTo) {
        final MutableDirectBuffer b = (MutableDirectBuffer) buffer;
        final int[] v = {sequence, kind, layer, plane, from, n, base, bitFrom, bitTo};
        for (int i = 0; i < v.length; i++) {
            b.putInt(offset + 4 * i, v[i], ORDER);
        }
        b.putInt(offset + 36, Crc32cChecksum.compute(b, offset, 36), ORDER);
        return this;
    }

    /**
     * @param length payload bytes
     * @return this
     * @throws FrameException TRUNCATED, CORRUPTED or MALFORMED (unknown kind, negative field, bits outside the block)
     */
    public BackRequest check(final int length) {
        if (length != LENGTH) {
            throw new FrameException(FrameError.TRUNCATED, "back-channel request of " + length + " bytes, expected " + LENGTH);
        }
        if (Crc32cChecksum.compute(buffer, offset, 36) != buffer.getInt(offset + 36, ORDER)) {
            throw new FrameException(FrameError.CORRUPTED, "back-channel request: CRC-32C mismatch");
        }
        if ((kind() != RAW && kind() != LADDER) || layer() < 0 || plane() < 0 || plane() > MAX_PLANE || from() < 0 || n() < 1
                || bitFrom() < 0 || bitTo() < bitFrom() || bitTo() > n() || (kind() == LADDER && base() < 1)) {
            throw new FrameException(FrameError.MALFORMED, "back-channel request " + sequence() + ": kind " + kind() + " layer "
                    + layer() + " plane " + plane() + " block " + from() + "+" + n() + " bits [" + bitFrom() + ", " + bitTo() + ")");
        }
        return this;
    }

    /** @return the sequence */
    public int sequence() {
        return buffer.getInt(offset, ORDER);
    }

    /** @return the kind */
    public int kind() {
        return buffer.getInt(offset + 4, ORDER);
    }

    /** @return the layer */
    public int layer() {
        return buffer.getInt(offset + 8, ORDER);
    }

    /** @return the plane */
    public int plane() {
        return buffer.getInt(offset + 12, ORDER);
    }

    /** @return the block's first coordinate */
    public int from() {
        return buffer.getInt(offset + 16, ORDER);
    }

    /** @return the block length */
    public int n() {
        return buffer.getInt(offset + 20, ORDER);
    }

    /** @return the ladder base */
    public int base() {
        return buffer.getInt(offset + 24, ORDER);
    }

    /** @return the first ladder bit */
    public int bitFrom() {
        return buffer.getInt(offset + 28, ORDER);
    }

    /** @return one past the last ladder bit */
    public int bitTo() {
        return buffer.getInt(offset + 32, ORDER);
    }
}
