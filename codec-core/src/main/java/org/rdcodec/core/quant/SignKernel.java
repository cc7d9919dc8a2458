package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;

/**
 * Packs signs into bits and back. Coordinate i maps to bit {@code i % 64} of word {@code i / 64}; the bit
 * is 1 exactly when x_i &lt; 0 (so -0.0 and +0.0 give 0). Unused bits of the last word are 0. Unpacking
 * writes -scale for a 1 bit and +scale for a 0 bit. Implementations agree bit for bit.
 */
public interface SignKernel {

    /**
     * @param src little-endian floats
     * @param fromFloat index of the first float
     * @param count number of floats
     * @param words output, at least {@code (count + 63) / 64} words
     */
    void pack(MemorySegment src, long fromFloat, int count, long[] words);

    /**
     * @param words packed signs
     * @param count number of coordinates
     * @param scale the magnitude written
     * @param dst little-endian floats out
     * @param toFloat index of the first float written
     */
    void unpack(long[] words, int count, float scale, MemorySegment dst, long toFloat);
}
