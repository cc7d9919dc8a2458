package org.rdcodec.core.quant;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.spec.CodecSpec;

/**
 * The Gaussian Lloyd-Max quantizer ({@link LloydMaxTable}) scaled by the layer's standard deviation
 * (deterministic, nearest level, biased: E[Q(x) | x] != x). Level indices are entropy coded.
 * Payload: float32 sigma, float32 mean, the index stream; reconstruction mean + sigma * level.
 */
final class LloydMaxCodec extends IndexStreamCodec {

    private final int bits;
    private final float[] levels;
    private final float[] thresholds;

    LloydMaxCodec(final CodecSpec spec) {
        super(spec);
        this.bits = spec.getInt("bits");
        final double[] l = LloydMaxTable.levels(bits);
        final double[] t = LloydMaxTable.thresholds(bits);
        levels = new float[l.length];
        thresholds = new float[t.length];
        for (int i = 0; i < l.length; i++) {
            levels[i] = (float) l[i];
        }
        for (int i = 0; i < t.length; i++) {
            thresholds[i] = (float) t[i];
        }
    }

    @Override
    protected void quantize(final LayerJob job, final int[] q, final MutableDirectBuffer dst, final int pos) {
        final float sigma = (float) job.stats.stdDev();
        final float mean = (float) job.stats.mean();
        final float inv = sigma > 0 ? 1f / sigma : 0f;
        QuantKernels.LLOYD_MAX.quantize(job.data, job.from, job.size, mean, inv, thresholds, q);
        dst.putFloat(pos, sigma, ByteOrder.LITTLE_ENDIAN);
        dst.putFloat(pos + 4, mean, ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    protected void reconstruct(final LayerJob job, final DirectBuffer src, final int pos, final int[] q) {
        final float sigma = src.getFloat(pos, ByteOrder.LITTLE_ENDIAN);
        final float mean = src.getFloat(pos + 4, ByteOrder.LITTLE_ENDIAN);
        require(Float.isFinite(sigma) && sigma >= 0 && Float.isFinite(mean), job, "scale " + sigma + " or mean " + mean + " is invalid");
        requireRange(q, job.size, 0, levels.length - 1, job, "level index");
        for (int i = 0; i < job.size; i++) {
            job.data.setAtIndex(GradientBuffer.FLOAT_LE, job.from + i, mean + sigma * levels[q[i]]);
        }
    }
}
