package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;

/**
 * TernGrad's quantizer loop. Exact definition, float arithmetic:
 * {@code t_i = (unit(key, i) * max < |x_i|) ? (x_i < 0 ? -1 : 1) : 0}, with {@link Dither#unit}; so
 * P(t_i != 0) = |x_i| / max. Implementations agree bit for bit.
 */
public interface TernGradKernel {

    /**
     * @param src little-endian floats
     * @param fromFloat index of the first float
     * @param count number of floats
     * @param max the layer's max |x|
     * @param key rounding stream key
     * @param q ternary symbols out
     */
    void quantize(MemorySegment src, long fromFloat, int count, float max, int key, int[] q);
}
