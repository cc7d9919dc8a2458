package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;

import org.rdcodec.core.buffer.GradientBuffer;

/** The reference {@link DitheredQuantizerKernel}: one coordinate at a time, exactly as defined there. */
public final class ScalarDitheredQuantizerKernel implements DitheredQuantizerKernel {

    /** Creates the kernel. */
    public ScalarDitheredQuantizerKernel() {
    }

    @Override
    public void quantize(final MemorySegment src, final long fromFloat, final int count, final float invStep, final int key, final int[] q) {
        quantizeRange(src, fromFloat, 0, count, invStep, key, q);
    }

    @Override
    public void reconstruct(final int[] q, final int count, final float step, final int key, final MemorySegment dst, final long toFloat) {
        reconstructRange(q, 0, count, step, key, dst, toFloat);
    }

    @Override
    public void quantize(final MemorySegment src, final long fromFloat, final int count, final float invStep, final int key, final int[] q,
            final int binBits, final byte[] bins) {
        final int shift = checkBinBits(binBits);
        quantizeRange(src, fromFloat, 0, count, invStep, key, q);
        binRange(0, count, key, shift, bins);
    }

    @Override
    public void bins(final int count, final int key, final int binBits, final byte[] bins) {
        binRange(0, count, key, checkBinBits(binBits), bins);
    }

    /**
     * @param binBits bits per dither bin
     * @return the shift that takes a hash to its bin, 32 - binBits
     * @throws IllegalArgumentException unless 1 &lt;= binBits &lt;= {@link #MAX_BIN_BITS}
     */
    static int checkBinBits(final int binBits) {
        if (binBits < 1 || binBits > MAX_BIN_BITS) {
            throw new IllegalArgumentException("binBits " + binBits + " not in [1, " + MAX_BIN_BITS + "]");
        }
        return 32 - binBits;
    }

    /**
     * The dither bins of stream indices {@code [from, to)}; also the tail of the vector kernel.
     *
     * @param from first stream index
     * @param to end stream index
     * @param key dither key
     * @param shift 32 - bits per bin
     * @param bins bins out
     */
    static void binRange(final int from, final int to, final int key, final int shift, final byte[] bins) {
        for (int i = from; i < to; i++) {
            bins[i] = (byte) (Dither.hash(key, i) >>> shift);
        }
    }

    /**
     * The definition for stream indices {@code [from, to)}; also the tail of the vector kernel.
     *
     * @param src floats
     * @param fromFloat float index of stream index 0
     * @param from first stream index
     * @param to end stream index
     * @param invStep 1 / step
     * @param key dither key
     * @param q indices out
     */
    static void quantizeRange(final MemorySegment src, final long fromFloat, final int from, final int to, final float invStep, final int key, final int[] q) {
        for (int i = from; i < to; i++) {
            final float x = src.getAtIndex(GradientBuffer.FLOAT_LE, fromFloat + i);
            q[i] = (int) Math.floor(x * invStep + Dither.centred(key, i) + 0.5f);
        }
    }

    /**
     * The definition for stream indices {@code [from, to)}; also the tail of the vector kernel.
     *
     * @param q indices
     * @param from first stream index
     * @param to end stream index
     * @param step quantizer step
     * @param key dither key
     * @param dst floats out
     * @param toFloat float index of stream index 0
     */
    static void reconstructRange(final int[] q, final int from, final int to, final float step, final int key, final MemorySegment dst, final long toFloat) {
        for (int i = from; i < to; i++) {
            dst.setAtIndex(GradientBuffer.FLOAT_LE, toFloat + i, ((float) q[i] - Dither.centred(key, i)) * step);
        }
    }
}
