package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;

/**
 * QSGD's inner loops. Exact definition, float arithmetic without fused multiply-add:
 * <pre>
 * v_i = {@link Dither#unit}(key, i)                    in [0, 1)
 * l_i = min(levels, (int) (|x_i| * scale + v_i))     truncation = floor, the argument is &gt;= 0
 * q_i = x_i &lt; 0 ? -l_i : l_i
 * xhat_i = q_i * unit                                 unit = norm / levels
 * </pre>
 * with scale = levels / norm. Implementations agree bit for bit.
 */
public interface QsgdKernel {

    /**
     * @param src little-endian floats
     * @param fromFloat index of the first float
     * @param count number of floats
     * @param scale levels / norm
     * @param levels s
     * @param key rounding stream key
     * @param q signed levels out
     */
    void quantize(MemorySegment src, long fromFloat, int count, float scale, int levels, int key, int[] q);

    /**
     * @param q signed levels
     * @param count number of levels
     * @param unit norm / levels
     * @param dst little-endian floats out
     * @param toFloat index of the first float written
     */
    void reconstruct(int[] q, int count, float unit, MemorySegment dst, long toFloat);
}
