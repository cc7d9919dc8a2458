package org.rdcodec.transport;

import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * A direct {@link UnsafeBuffer} that can be replaced by a larger one, keeping its contents. Encoders write
 * into a plain {@code UnsafeBuffer} (no capacity check per put, unlike Agrona's expandable buffers, which
 * made a worker's dithered encode measurably slower); a codec whose frame size is only known after
 * encoding (the CEO codec) asks for the capacity it needs first.
 */
public final class GrowableBuffer {

    private UnsafeBuffer buffer;

    /**
     * @param initialCapacity bytes
     */
    public GrowableBuffer(final int initialCapacity) {
        this.buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(Math.max(64, initialCapacity)));
    }

    /**
     * @param capacity bytes needed
     * @return the buffer, at least that large (a new one if it had to grow; the old contents are copied)
     */
    public UnsafeBuffer ensure(final int capacity) {
        if (capacity > buffer.capacity()) {
            final int size = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(capacity, 2L * buffer.capacity()));
            final UnsafeBuffer bigger = new UnsafeBuffer(ByteBuffer.allocateDirect(size));
            bigger.putBytes(0, buffer, 0, buffer.capacity());
            buffer = bigger;
        }
        return buffer;
    }

    /** @return the current buffer */
    public UnsafeBuffer buffer() {
        return buffer;
    }
}
