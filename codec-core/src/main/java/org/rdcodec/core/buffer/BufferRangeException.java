package org.rdcodec.core.buffer;

import java.lang.foreign.MemorySegment;

import org.rdcodec.core.RdcodecException;

/** A range of floats does not lie inside the memory it should be read from or written to. */
public final class BufferRangeException extends RdcodecException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     */
    public BufferRangeException(final String message) {
        super(message);
    }

    /**
     * Checks that floats {@code [fromIndex, fromIndex + count)} lie inside {@code segment}.
     *
     * @param segment the memory, read as float32
     * @param fromIndex first float index, &gt;= 0
     * @param count number of floats, &gt;= 0
     * @param what who is asking, for the message
     * @throws BufferRangeException if the range is negative or reaches past the segment
     */
    public static void checkFloatRange(final MemorySegment segment, final long fromIndex, final long count, final String what) {
        final long floats = segment.byteSize() / Float.BYTES;
        if (fromIndex < 0 || count < 0 || fromIndex > floats - count) {
            throw new BufferRangeException(what + ": float range [" + fromIndex + ", " + fromIndex + " + " + count
                    + ") does not fit a segment of " + floats + " floats");
        }
    }
}
