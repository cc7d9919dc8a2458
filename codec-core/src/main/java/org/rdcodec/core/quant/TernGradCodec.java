package org.rdcodec.core.quant;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.spec.CodecSpec;

/**
 * TernGrad: t_i = sign(x_i) b_i with b_i = 1 with probability |x_i| / max|x| (shared rounding stream);
 * the decoder outputs max|x| t_i, unbiased with variance max|x| |x_i| - x_i^2. Ternary symbols are
 * entropy coded. Payload: float32 max|x|, 4 bytes zero, the symbol stream.
 */
final class TernGradCodec extends IndexStreamCodec {

    TernGradCodec(final CodecSpec spec) {
        super(spec);
    }

    @Override
    protected void quantize(final LayerJob job, final int[] q, final MutableDirectBuffer dst, final int pos) {
        final float max = (float) job.stats.maxAbs();
        final int key = job.key(Dither.STREAM_ROUNDING);
        QuantKernels.TERNGRAD.quantize(job.data, job.from, job.size, max, key, q);
        dst.putFloat(pos, max, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(pos + 4, 0, ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    protected void reconstruct(final LayerJob job, final DirectBuffer src, final int pos, final int[] q) {
        final float max = src.getFloat(pos, ByteOrder.LITTLE_ENDIAN);
        require(Float.isFinite(max) && max >= 0, job, "scale " + max + " is not finite and non-negative");
        requireRange(q, job.size, -1, 1, job, "ternary symbol");
        for (int i = 0; i < job.size; i++) {
            job.data.setAtIndex(GradientBuffer.FLOAT_LE, job.from + i, q[i] * max);
        }
    }
}
