package org.rdcodec.core.quant;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.spec.CodecSpec;
import org.rdcodec.core.spec.SpecException;

/**
 * QSGD with s levels per layer: l_i = floor(s |x_i| / ||x|| + v_i) with v_i uniform on [0, 1) from the
 * shared rounding stream, so E[l_i] = s |x_i| / ||x||; the decoder outputs sign(x_i) l_i ||x|| / s,
 * unbiased. Signed levels are entropy coded. Payload: float32 norm, 4 bytes zero, the index stream.
 */
final class QsgdCodec extends IndexStreamCodec {

    private final int levels;

    QsgdCodec(final CodecSpec spec) {
        super(spec);
        this.levels = spec.getInt("levels");
    }

    @Override
    protected void quantize(final LayerJob job, final int[] q, final MutableDirectBuffer dst, final int pos) {
        final float norm = (float) Math.sqrt(job.stats.meanSquare() * job.stats.count());
        final int key = job.key(Dither.STREAM_ROUNDING);
        final float scale = norm > 0 ? levels / norm : 0f;
        if (!Float.isFinite(norm) || !Float.isFinite(scale)) {
            // e.g. a layer of values near Float.MAX_VALUE (norm overflows) or of subnormals (levels / norm overflows)
            throw new SpecException(spec() + ": " + job.where() + ": the layer norm " + Math.sqrt(job.stats.meanSquare() * job.stats.count())
                    + " is outside what a float scale can carry");
        }
        // |x| <= norm, so a level exceeds s only through float rounding of |x| * s / norm: the kernel caps it
        QuantKernels.QSGD.quantize(job.data, job.from, job.size, scale, levels, key, q);
        dst.putFloat(pos, norm, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(pos + 4, 0, ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    protected void reconstruct(final LayerJob job, final DirectBuffer src, final int pos, final int[] q) {
        final float norm = src.getFloat(pos, ByteOrder.LITTLE_ENDIAN);
        require(Float.isFinite(norm) && norm >= 0, job, "norm " + norm + " is not finite and non-negative");
        requireRange(q, job.size, -levels, levels, job, "level");
        QuantKernels.QSGD.reconstruct(q, job.size, norm / levels, job.data, job.from);
    }
}
