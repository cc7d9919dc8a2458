package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;

/**
 * The Lloyd-Max quantizer's decision loop: {@code z_i = (x_i - mean) * invSigma} in float, and the index
 * is the number of thresholds t_k with {@code z_i >= t_k} (thresholds increasing; NaN never occurs, the
 * codec rejects it). Implementations agree bit for bit.
 */
public interface LloydMaxKernel {

    /**
     * @param src little-endian floats
     * @param fromFloat index of the first float
     * @param count number of floats
     * @param mean the layer mean
     * @param invSigma 1 / sigma (0 for a constant layer)
     * @param thresholds increasing decision thresholds of the unit-Gaussian quantizer
     * @param q level indices out, in [0, thresholds.length]
     */
    void quantize(MemorySegment src, long fromFloat, int count, float mean, float invSigma, float[] thresholds, int[] q);
}
