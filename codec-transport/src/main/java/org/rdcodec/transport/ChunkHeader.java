package org.rdcodec.transport;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over the chunk header that follows a {@link MessageHeader} of type {@link MessageType#CHUNK}
 * (little-endian). A message (a FRAME or a REPLY) longer than the publication's maximum message is sent as
 * {@code count} CHUNK messages in order, each with the round and worker in its message header:
 *
 * <pre>
 * offset  size  field
 *      0     4  inner    {@link MessageType#code()} of the reassembled message (FRAME or REPLY)
 *      4     4  index    this chunk, 0 .. count - 1
 *      8     4  count    chunks of the message, &ge; 2
 *     12     4  total    bytes of the reassembled payload
 *     16     4  offset   where this chunk's data goes in the payload
 *     20     .  data     the chunk's bytes (the message header's length = 20 + data bytes)
 * </pre>
 *
 * No checksum of its own: the reassembled payload is an rdcodec frame or reply with its own CRC-32C,
 * checked after reassembly ({@link ChunkAssembler}).
 */
public final class ChunkHeader {

    /** Header length in bytes; the data starts here. */
    public static final int LENGTH = 20;
    private static final int INNER = 0;
    private static final int INDEX = 4;
    private static final int COUNT = 8;
    private static final int TOTAL = 12;
    private static final int OFFSET = 16;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private DirectBuffer buffer;
    private int offset;

    /** An unbound flyweight; {@link #wrap} it before use. */
    public ChunkHeader() {
    }

    /**
     * @param buffer the buffer
     * @param at the chunk header's first byte
     * @return this
     */
    public ChunkHeader wrap(final DirectBuffer buffer, final int at) {
        this.buffer = buffer;
        this.offset = at;
        return this;
    }

    /**
     * @param inner the reassembled message's type
     * @param index this chunk
     * @param count chunks
     * @param total payload bytes
     * @param dataOffset where this chunk's data goes
     * @return this
     */
    public ChunkHeader write(final MessageType inner, final int index, final int count, final int total, final int dataOffset) {
        final MutableDirectBuffer b = (MutableDirectBuffer) buffer;
        b.putInt(offset + INNER, inner.code(), ORDER);
        b.putInt(offset + INDEX, index, ORDER);
        b.putInt(offset + COUNT, count, ORDER);
        b.putInt(offset + TOTAL, total, ORDER);
        b.putInt(offset + OFFSET, dataOffset, ORDER);
        return this;
    }

    /** @return the inner type, or null for an unknown code */
    public MessageType inner() {
        return MessageType.of(buffer.getInt(offset + INNER, ORDER));
    }

    /** @return the chunk index */
    public int index() {
        return buffer.getInt(offset + INDEX, ORDER);
    }

    /** @return the chunk count */
    public int count() {
        return buffer.getInt(offset + COUNT, ORDER);
    }

    /** @return the payload's total bytes */
    public int total() {
        return buffer.getInt(offset + TOTAL, ORDER);
    }

    /** @return where this chunk's data goes */
    public int dataOffset() {
        return buffer.getInt(offset + OFFSET, ORDER);
    }
}
