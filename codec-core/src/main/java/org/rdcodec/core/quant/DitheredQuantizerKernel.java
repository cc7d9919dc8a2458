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

    /** Most bits of a dither bin ({@link #quantize(MemorySegment, long, int, float, int, int[], int, byte[])}): 128 bins. */
    int MAX_BIN_BITS = 7;

    /**
     * Quantizes like {@link #quantize(MemorySegment, long, int, float, int, int[])} and, in the same pass, writes
     * each coordinate's dither bin {@code bins[i] = hash(key, i) >>> (32 - binBits)}: the bin of u_i among
     * 2^binBits equal bins of [-1/2, 1/2), from the top bits of the hash that made u_i (equal to
     * {@code floor(unit(i) * 2^binBits)}). Context-split entropy coders use it instead of hashing again.
     *
     * @param src little-endian floats
     * @param fromFloat index of the first float in {@code src}
     * @param count number of floats
     * @param invStep 1 / step, as a float
     * @param key dither stream key
     * @param q output indices, {@code q[0..count)}
     * @param binBits bits per bin, 1..{@link #MAX_BIN_BITS}
     * @param bins output bins, {@code bins[0..count)}
     */
    default void quantize(final MemorySegment src, final long fromFloat, final int count, final float invStep, final int key, final int[] q,
            final int binBits, final byte[] bins) {
        quantize(src, fromFloat, count, invStep, key, q);
        bins(count, key, binBits, bins);
    }

    /**
     * Writes the dither bins of stream indices {@code 0..count-1} alone (the decoder's side of the context split), as
     * {@link #quantize(MemorySegment, long, int, float, int, int[], int, byte[])} defines them.
     *
     * @param count number of coordinates
     * @param key dither stream key
     * @param binBits bits per bin, 1..{@link #MAX_BIN_BITS}
     * @param bins output bins, {@code bins[0..count)}
     */
    default void bins(final int count, final int key, final int binBits, final byte[] bins) {
        ScalarDitheredQuantizerKernel.binRange(0, count, key, ScalarDitheredQuantizerKernel.checkBinBits(binBits), bins);
    }
}
