package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;

/**
 * The subtractive dithered uniform quantizer's inner loops. Rounding is defined exactly, in float
 * arithmetic with each operation rounded to nearest-even and no fused multiply-add:
 * <pre>
 * u_i   = {@link Dither#centred}(key, i)                      in [-0.5, 0.5)
 * t_i   = ((x_i * invStep) + u_i) + 0.5f
 * q_i   = floor(t_i)                                        as an int; callers keep |t_i| &lt; 2^23
 * xhat_i = ((float) q_i - u_i) * step
 * </pre>
 * so xhat_i - x_i is uniform on about [-step/2, step/2) and independent of x_i. Implementations must
 * agree bit for bit (the scalar one is the reference).
 */
public interface DitheredQuantizerKernel {

    /**
     * Largest |x * invStep| a caller may pass: keeps t exact enough and q representable as a float.
     */
    float MAX_SCALED = 0x1p22f;

    /**
     * Quantizes {@code count} floats.
     *
     * @param src little-endian floats
     * @param fromFloat index of the first float in {@code src}
     * @param count number of floats
     * @param invStep 1 / step, as a float
     * @param key dither stream key; float {@code fromFloat + i} uses stream index i
     * @param q output indices, {@code q[0..count)}
     */
    void quantize(MemorySegment src, long fromFloat, int count, float invStep, int key, int[] q);

    /**
     * Reconstructs {@code count} floats from indices.
     *
     * @param q indices
     * @param count number of indices
     * @param step quantizer step
     * @param key dither stream key (the same as at the encoder)
     * @param dst little-endian floats out
     * @param toFloat index of the first float written in {@code dst}
     */
    void reconstruct(int[] q, int count, float step, int key, MemorySegment dst, long toFloat);
}
