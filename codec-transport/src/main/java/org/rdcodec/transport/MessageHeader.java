package org.rdcodec.transport;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over the 24-byte header in front of every message of the round protocol (little-endian):
 *
 * <pre>
 * offset  size  field
 *      0     4  type     {@link MessageType#code()}
 *      4     4  worker   sender's worker index; -1 for the server
 *      8     8  round    the round t the message belongs to
 *     16     4  length   payload bytes that follow the header
 *     20     4  count    ANNOUNCE: workers expected; ESTIMATE: workers used; otherwise 0
 *     24     .  payload  (FRAME, ESTIMATE: an rdcodec frame with its own CRC-32C)
 * </pre>
 *
 * The header carries no checksum of its own: the transport (UDP checksum, shared memory for IPC) protects
 * it, and everything the estimate depends on is inside the CRC-checked frame, whose round and worker the
 * server checks against the header's.
 */
public final class MessageHeader {

    /** Header length in bytes; the payload starts here. */
    public static final int LENGTH = 24;
    private static final int TYPE = 0;
    private static final int WORKER = 4;
    private static final int ROUND = 8;
    private static final int PAYLOAD_LENGTH = 16;
    private static final int COUNT = 20;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private DirectBuffer buffer;
    private int offset;

    /** An unbound flyweight; {@link #wrap} it before use. */
    public MessageHeader() {
    }

    /**
     * @param buffer the message buffer
     * @param offset the header's first byte
     * @return this
     */
    public MessageHeader wrap(final DirectBuffer buffer, final int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /**
     * Writes every field into the wrapped (mutable) buffer.
     *
     * @param type message type
     * @param worker sender (-1 for the server)
     * @param round round
     * @param payloadLength payload bytes
     * @param count see the table
     * @return this
     */
    public MessageHeader write(final MessageType type, final int worker, final long round, final int payloadLength, final int count) {
        final MutableDirectBuffer b = (MutableDirectBuffer) buffer;
        b.putInt(offset + TYPE, type.code(), ORDER);
        b.putInt(offset + WORKER, worker, ORDER);
        b.putLong(offset + ROUND, round, ORDER);
        b.putInt(offset + PAYLOAD_LENGTH, payloadLength, ORDER);
        b.putInt(offset + COUNT, count, ORDER);
        return this;
    }

    /** @return the type, or null if the code is unknown */
    public MessageType type() {
        return MessageType.of(buffer.getInt(offset + TYPE, ORDER));
    }

    /** @return the sender's worker index */
    public int worker() {
        return buffer.getInt(offset + WORKER, ORDER);
    }

    /** @return the round */
    public long round() {
        return buffer.getLong(offset + ROUND, ORDER);
    }

    /** @return the payload length */
    public int payloadLength() {
        return buffer.getInt(offset + PAYLOAD_LENGTH, ORDER);
    }

    /** @return the count field */
    public int count() {
        return buffer.getInt(offset + COUNT, ORDER);
    }
}
