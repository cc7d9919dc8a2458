package org.rdcodec.core.quant;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.spec.CodecSpec;

/**
 * SignSGD: one bit per coordinate and one float scale per layer. Payload: float32 scale, 4 bytes of
 * zero, then {@code ceil(n / 64)} little-endian words of sign bits ({@link SignKernel}). Scale
 * {@code gaussian} is sqrt(2/pi) * rms, the paper's levels +-sqrt(2/pi) sqrt(sx2 + sn2); {@code meanabs}
 * is mean |x|, which minimises the MSE of a sign quantizer. Biased either way.
 */
final class SignCodec extends LayerwiseCodec {

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final int HEADER = 8;

    private final boolean gaussianScale;

    SignCodec(final CodecSpec spec) {
        super(spec);
        this.gaussianScale = spec.getString("scale").equals("gaussian");
    }

    @Override
    protected long maxPayloadBytes(final int n) {
        return HEADER + (long) ((n + 63) >>> 6) * Long.BYTES;
    }

    @Override
    protected int encodeLayer(final LayerJob job, final MutableDirectBuffer dst, final int pos, final int capacity) {
        final float scale = (float) (gaussianScale ? SQRT_2_OVER_PI * Math.sqrt(job.stats.meanSquare()) : job.stats.meanAbs());
        final long[] w = job.longs((job.size + 63) >>> 6);
        QuantKernels.SIGN.pack(job.data, job.from, job.size, w);
        dst.putFloat(pos, scale, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(pos + 4, 0, ByteOrder.LITTLE_ENDIAN);
        final int nw = (job.size + 63) >>> 6;
        for (int i = 0; i < nw; i++) {
            dst.putLong(pos + HEADER + i * Long.BYTES, w[i], ByteOrder.LITTLE_ENDIAN);
        }
        return HEADER + nw * Long.BYTES;
    }

    @Override
    protected void decodeLayer(final LayerJob job, final DirectBuffer src, final int pos, final int length) {
        final int nw = (job.size + 63) >>> 6;
        require(length == HEADER + nw * Long.BYTES, job, "payload has " + length + " bytes, expected " + (HEADER + nw * Long.BYTES));
        final float scale = src.getFloat(pos, ByteOrder.LITTLE_ENDIAN);
        require(Float.isFinite(scale) && scale >= 0, job, "scale " + scale + " is not a finite non-negative number");
        final long[] w = job.longs((job.size + 63) >>> 6);
        for (int i = 0; i < nw; i++) {
            w[i] = src.getLong(pos + HEADER + i * Long.BYTES, ByteOrder.LITTLE_ENDIAN);
        }
        final int spare = nw * 64 - job.size;
        require(spare == 0 || (w[nw - 1] >>> (64 - spare)) == 0, job, "unused sign bits of the last word are not zero");
        QuantKernels.SIGN.unpack(w, job.size, scale, job.data, job.from);
    }
}
