package org.rdcodec.core.quant;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.spec.CodecSpec;

/**
 * Random sparsification: coordinate i is kept when the shared mask stream's unit(i) &lt; fraction, so
 * the server knows which without any index bits; kept values are sent as float32 and scaled by
 * 1 / fraction at the decoder: unbiased. The number kept is Binomial(n, fraction). Payload: the kept
 * floats in coordinate order.
 */
final class RandKCodec extends LayerwiseCodec {

    private final float fraction;

    RandKCodec(final CodecSpec spec) {
        super(spec);
        this.fraction = (float) spec.getDouble("fraction");
    }

    @Override
    protected long maxPayloadBytes(final int n) {
        return (long) n * Float.BYTES;
    }

    @Override
    protected int encodeLayer(final LayerJob job, final MutableDirectBuffer dst, final int pos, final int capacity) {
        final int key = job.key(Dither.STREAM_MASK);
        int p = pos;
        for (int i = 0; i < job.size; i++) {
            if (Dither.unit(key, i) < fraction) {
                dst.putFloat(p, job.data.getAtIndex(GradientBuffer.FLOAT_LE, job.from + i), ByteOrder.LITTLE_ENDIAN);
                p += Float.BYTES;
            }
        }
        return p - pos;
    }

    @Override
    protected void decodeLayer(final LayerJob job, final DirectBuffer src, final int pos, final int length) {
        final int key = job.key(Dither.STREAM_MASK);
        final float scale = 1f / fraction;
        int kept = 0;
        for (int i = 0; i < job.size; i++) {
            if (Dither.unit(key, i) < fraction) {
                kept++;
            }
        }
        require(length == (long) kept * Float.BYTES, job, "payload has " + length + " bytes, the mask keeps " + kept + " floats");
        int p = pos;
        for (int i = 0; i < job.size; i++) {
            float v = 0f;
            if (Dither.unit(key, i) < fraction) {
                v = src.getFloat(p, ByteOrder.LITTLE_ENDIAN) * scale;
                p += Float.BYTES;
            }
            job.data.setAtIndex(GradientBuffer.FLOAT_LE, job.from + i, v);
        }
    }
}
