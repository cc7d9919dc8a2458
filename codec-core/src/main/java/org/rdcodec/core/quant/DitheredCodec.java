package org.rdcodec.core.quant;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.spec.CodecSpec;
import org.rdcodec.core.spec.SpecException;

/**
 * Subtractive dithered uniform scalar quantizer (ECDQ): q = floor(x / step + u + 1/2) with a shared-seed
 * dither u uniform on [-1/2, 1/2), reconstruction (q - u) step, so the error is uniform with variance
 * step^2 / 12 and independent of x: unbiased. Indices are entropy coded. Step per layer: {@code step}
 * (absolute), {@code distortion} (step = sqrt(12 D)), or {@code relstep} times the layer's standard
 * deviation (default relstep = 1). Payload: float32 step, 4 bytes zero, the index stream.
 */
final class DitheredCodec extends IndexStreamCodec {

    private final double step;
    private final double relstep;

    DitheredCodec(final CodecSpec spec) {
        super(spec);
        if (spec.has("step")) {
            step = spec.getDouble("step");
            relstep = 0;
        } else if (spec.has("distortion")) {
            step = Math.sqrt(12 * spec.getDouble("distortion"));
            relstep = 0;
        } else {
            step = 0;
            relstep = spec.has("relstep") ? spec.getDouble("relstep") : 1.0;
        }
    }

    private float stepFor(final LayerJob job) {
        double s = step > 0 ? step : relstep * job.stats.stdDev();
        if (!(s > 0)) {
            s = 1; // a constant layer: any step reconstructs it without bias
        }
        final float f = (float) s;
        if (!Float.isFinite(f) || !Float.isFinite((float) ((job.stats.maxAbs() / f + 1) * f))) {
            throw new SpecException(spec() + ": " + job.where() + ": step " + s + " does not fit a float reconstruction");
        }
        if (!(job.stats.maxAbs() / f < DitheredQuantizerKernel.MAX_SCALED)) {
            throw new SpecException(spec() + ": " + job.where() + ": step " + f + " is too small for max |x| = "
                    + job.stats.maxAbs() + " (indices would exceed 2^22)");
        }
        return f;
    }

    @Override
    protected void quantize(final LayerJob job, final int[] q, final MutableDirectBuffer dst, final int pos) {
        quantize(job, q, 1, null, dst, pos);
    }

    /** Indices and dither bins from one pass of the kernel (the bin is the top bits of the dither's hash). */
    @Override
    protected void quantize(final LayerJob job, final int[] q, final int contexts, final byte[] ctx, final MutableDirectBuffer dst, final int pos) {
        final float s = stepFor(job);
        final int key = job.key(Dither.STREAM_DITHER);
        if (contexts > 1) {
            QuantKernels.DITHERED.quantize(job.data, job.from, job.size, 1f / s, key, q, binBits(contexts), ctx);
        } else {
            QuantKernels.DITHERED.quantize(job.data, job.from, job.size, 1f / s, key, q);
        }
        dst.putFloat(pos, s, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(pos + 4, 0, ByteOrder.LITTLE_ENDIAN);
    }

    /** @return log2(contexts) for the power-of-two counts this encoder writes */
    private static int binBits(final int contexts) {
        return Integer.numberOfTrailingZeros(contexts);
    }

    /**
     * The decoder knows each coordinate's dither u, and q given u has lower entropy than q: coding q in
     * C streams by the bin of u brings the rate from H(q) towards H(q | u), the ECDQ rate. The gain
     * I(q; u) matters only when the step is coarse against the layer's spread, and each stream costs a
     * table, so: C = 16 from 2^18 coordinates, 4 from 2^14, when step &gt; sigma / 2; else 1.
     */
    @Override
    protected int contexts(final LayerJob job) {
        if (!(stepFor(job) > 0.5 * job.stats.stdDev())) {
            return 1;
        }
        return job.size >= 1 << 18 ? 16 : job.size >= 1 << 14 ? 4 : 1;
    }

    @Override
    protected int maxContexts() {
        return 16;
    }

    @Override
    protected void contextOf(final LayerJob job, final int contexts, final byte[] ctx) {
        final int key = job.key(Dither.STREAM_DITHER);
        if (Integer.bitCount(contexts) == 1) {
            // floor(unit(i) * C) = the top log2(C) bits of the hash: the kernel's bins
            QuantKernels.DITHERED.bins(job.size, key, binBits(contexts), ctx);
            return;
        }
        for (int i = 0; i < job.size; i++) {
            // floor(unit(i) * C) from the same 24 bits that make the dither (a count this encoder never
            // writes, but a valid frame may hold)
            ctx[i] = (byte) (((long) (Dither.hash(key, i) >>> 8) * contexts) >>> 24);
        }
    }

    @Override
    protected void reconstruct(final LayerJob job, final DirectBuffer src, final int pos, final int[] q) {
        final float s = src.getFloat(pos, ByteOrder.LITTLE_ENDIAN);
        require(Float.isFinite(s) && s > 0, job, "step " + s + " is not a finite positive number");
        final int bound = (int) DitheredQuantizerKernel.MAX_SCALED + 1;
        requireRange(q, job.size, -bound, bound, job, "index");
        QuantKernels.DITHERED.reconstruct(q, job.size, s, job.key(Dither.STREAM_DITHER), job.data, job.from);
    }
}
