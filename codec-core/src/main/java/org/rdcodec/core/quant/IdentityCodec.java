package org.rdcodec.core.quant;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.spec.CodecSpec;

/** Lossless float32: the payload is the layer's floats, little-endian. The reference for every other codec. */
final class IdentityCodec extends LayerwiseCodec {

    IdentityCodec(final CodecSpec spec) {
        super(spec);
    }

    @Override
    protected long maxPayloadBytes(final int n) {
        return (long) n * Float.BYTES;
    }

    @Override
    protected int encodeLayer(final LayerJob job, final MutableDirectBuffer dst, final int pos, final int capacity) {
        for (int i = 0; i < job.size; i++) {
            dst.putFloat(pos + i * Float.BYTES, job.data.getAtIndex(GradientBuffer.FLOAT_LE, job.from + i), ByteOrder.LITTLE_ENDIAN);
        }
        return job.size * Float.BYTES;
    }

    @Override
    protected void decodeLayer(final LayerJob job, final DirectBuffer src, final int pos, final int length) {
        require(length == (long) job.size * Float.BYTES, job, "payload has " + length + " bytes, expected " + (long) job.size * Float.BYTES);
        for (int i = 0; i < job.size; i++) {
            job.data.setAtIndex(GradientBuffer.FLOAT_LE, job.from + i, src.getFloat(pos + i * Float.BYTES, ByteOrder.LITTLE_ENDIAN));
        }
    }
}
