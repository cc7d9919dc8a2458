package org.rdcodec.core.entropy;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * Bounds-checked reader over one stream region {@code [offset, offset + length)} of a buffer. Every read names
 * the field it reads, so a truncated or malformed stream fails with the field and its offset relative to the
 * start of the stream.
 */
final class StreamCursor {

    private DirectBuffer buffer;
    private int start;
    private int limit;
    private int position;

    /** Points the cursor at a new stream region. */
    void wrap(final DirectBuffer buffer, final int offset, final int length) {
        this.buffer = buffer;
        this.start = offset;
        this.limit = offset + length;
        this.position = offset;
    }

    /** @return offset of the next unread byte relative to the stream start */
    int position() {
        return position - start;
    }

    /** @return bytes left in the region */
    int remaining() {
        return limit - position;
    }

    /** @return absolute buffer index of the next unread byte */
    int absolutePosition() {
        return position;
    }

    /** Skips {@code n} bytes that {@link #require} has already checked. */
    void skip(final int n) {
        position += n;
    }

    /** Fails unless {@code n} more bytes are available for {@code field}. */
    void require(final long n, final String field) {
        if (n > limit - position) {
            throw new EntropyFormatException("truncated stream: " + field + " needs " + n + " bytes at offset "
                + position() + " but only " + remaining() + " remain");
        }
    }

    int u8(final String field) {
        require(1, field);
        return buffer.getByte(position++) & 0xFF;
    }

    long u32(final String field) {
        require(4, field);
        final long v = buffer.getInt(position, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL;
        position += 4;
        return v;
    }

    /** Reads an unsigned LEB128 value that must fit 32 bits. */
    long varint32(final String field) {
        final int at = position();
        long v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            final int b = u8(field);
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (v > 0xFFFF_FFFFL) {
                    break;
                }
                return v;
            }
        }
        throw new EntropyFormatException("malformed varint for " + field + " at offset " + at + ": over 32 bits");
    }

    /** Reads a non-negative int varint bounded by {@code max}. */
    int varint(final String field, final long max) {
        final int at = position();
        final long v = varint32(field);
        if (v > max) {
            throw new EntropyFormatException(field + " = " + v + " at offset " + at + " exceeds its limit " + max);
        }
        return (int) v;
    }

    /** Reads a zig-zag signed int. */
    int zvarint(final String field) {
        final int z = (int) varint32(field);
        return (z >>> 1) ^ -(z & 1);
    }
}
