package org.rdcodec.core.buffer;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An owned off-heap float32 buffer, little-endian, 64-byte aligned. The owner calls {@link #close()};
 * after that every access through this object fails with {@link IllegalStateException}.
 *
 * <p>Two views share the same memory: {@link #segment()} for the Vector API and foreign-memory
 * kernels, and {@link #directBuffer()} (an Agrona {@link MutableDirectBuffer}) for frames and
 * transport. Views must not be used after {@code close()}: the segment view then fails, the Agrona
 * view would read freed memory, so never let it escape the owner's lifetime.
 *
 * <p>{@link #openCount()} counts buffers not yet closed in this JVM, so tests can check for leaks.
 */
public final class GradientBuffer implements AutoCloseable {

    /** Little-endian float layout, as on the wire. */
    public static final ValueLayout.OfFloat FLOAT_LE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** Alignment of every allocation, in bytes (one cache line, also the widest vector). */
    public static final long ALIGNMENT = 64;

    private static final AtomicLong OPEN = new AtomicLong();

    private final Arena arena;
    private final MemorySegment segment;
    private final int length;
    private UnsafeBuffer direct;
    private boolean closed;

    private GradientBuffer(final int length) {
        if (length < 0) {
            throw new IllegalArgumentException("GradientBuffer: length must be >= 0, got " + length);
        }
        this.length = length;
        this.arena = Arena.ofShared();
        // allocate at least one byte so the segment has a real address even for length 0
        this.segment = arena.allocate(Math.max(1L, (long) length * Float.BYTES), ALIGNMENT)
                .asSlice(0, (long) length * Float.BYTES);
        OPEN.incrementAndGet();
    }

    /**
     * Allocates a zero-filled buffer.
     *
     * @param length number of floats, &gt;= 0
     * @return the buffer; the caller owns it and must close it
     */
    public static GradientBuffer allocate(final int length) {
        return new GradientBuffer(length);
    }

    /**
     * Allocates a buffer holding a copy of {@code values}.
     *
     * @param values the floats to copy in
     * @return the buffer; the caller owns it and must close it
     */
    public static GradientBuffer of(final float[] values) {
        final GradientBuffer b = new GradientBuffer(values.length);
        b.copyFrom(values, 0, 0, values.length);
        return b;
    }

    /** @return the number of buffers allocated and not yet closed in this JVM */
    public static long openCount() {
        return OPEN.get();
    }

    /** @return the number of floats */
    public int length() {
        return length;
    }

    /** @return the size in bytes */
    public long byteSize() {
        return (long) length * Float.BYTES;
    }

    /** @return the memory as a segment of {@code 4 * length()} bytes (fails after close) */
    public MemorySegment segment() {
        ensureOpen();
        return segment;
    }

    /**
     * @return an Agrona view over the same bytes; created once and reused. Do not use after close.
     */
    public MutableDirectBuffer directBuffer() {
        ensureOpen();
        if (direct == null) {
            direct = new UnsafeBuffer(segment.address(), (int) Math.min(Integer.MAX_VALUE, segment.byteSize()));
        }
        return direct;
    }

    /**
     * @param index float index
     * @return the float at {@code index}
     */
    public float get(final int index) {
        return segment().getAtIndex(FLOAT_LE, index);
    }

    /**
     * @param index float index
     * @param value the value to store
     */
    public void set(final int index, final float value) {
        segment().setAtIndex(FLOAT_LE, index, value);
    }

    /**
     * Copies floats in from the heap.
     *
     * @param src source array
     * @param srcOffset first source index
     * @param dstIndex first float index in this buffer
     * @param count number of floats
     */
    public void copyFrom(final float[] src, final int srcOffset, final int dstIndex, final int count) {
        MemorySegment.copy(src, srcOffset, segment(), FLOAT_LE, (long) dstIndex * Float.BYTES, count);
    }

    /**
     * Copies all of {@code src} in from the heap; its length must equal {@link #length()}.
     *
     * @param src source array
     */
    public void copyFrom(final float[] src) {
        if (src.length != length) {
            throw new IllegalArgumentException("GradientBuffer: source has " + src.length + " floats, buffer has " + length);
        }
        copyFrom(src, 0, 0, length);
    }

    /**
     * Copies floats out to the heap.
     *
     * @param srcIndex first float index in this buffer
     * @param dst destination array
     * @param dstOffset first destination index
     * @param count number of floats
     */
    public void copyTo(final int srcIndex, final float[] dst, final int dstOffset, final int count) {
        MemorySegment.copy(segment(), FLOAT_LE, (long) srcIndex * Float.BYTES, dst, dstOffset, count);
    }

    /** @return a heap copy of all floats */
    public float[] toArray() {
        final float[] out = new float[length];
        copyTo(0, out, 0, length);
        return out;
    }

    /**
     * Copies all floats from another buffer of the same length.
     *
     * @param other the source
     */
    public void copyFrom(final GradientBuffer other) {
        if (other.length != length) {
            throw new IllegalArgumentException("GradientBuffer: source has " + other.length + " floats, buffer has " + length);
        }
        MemorySegment.copy(other.segment(), 0, segment(), 0, byteSize());
    }

    /** Sets every float to zero. */
    public void clear() {
        segment().fill((byte) 0);
    }

    /** @return true once {@link #close()} has run */
    public boolean isClosed() {
        return closed;
    }

    /** Frees the memory. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            direct = null;
            arena.close();
            OPEN.decrementAndGet();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("GradientBuffer: used after close()");
        }
    }
}
