package org.rdcodec.core.quant;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.spec.CodecSpec;
import org.rdcodec.core.spec.SpecException;

/**
 * Sparse dithering: a shared-seed mask keeps coordinate i when the mask stream's unit(i) &lt; p (the
 * server knows which, no index bits), each kept coordinate is dithered to s levels of the layer norm,
 * l_i = floor(s |x_i| / ||x|| + v_i) with v_i uniform from the rounding stream, and the decoder outputs
 * sign(x_i) l_i ||x|| / (s p'), p' = ceil(p 2^24) 2^-24 the keep probability the 24-bit mask realises:
 * E = x_i exactly. Relative variance, per layer: omega = (1/p' - 1) + (1/p') sum_i Var(l_i) (||x|| / s)^2 / ||x||^2,
 * with Var(l_i) = f(1 - f) for the fractional part f of s |x_i| / ||x||. Only the kept coordinates' signed
 * levels are sent (rANS).
 *
 * <p>Payload: float32 norm, int32 number kept, the index stream of the kept levels.
 */
final class SparseDitherCodec extends LayerwiseCodec {

    private final float fraction;
    private final double keep;
    private final int levels;

    SparseDitherCodec(final CodecSpec spec) {
        super(spec);
        fraction = (float) spec.getDouble("fraction");
        // unit(i) = k 2^-24, k uniform on [0, 2^24): P(unit < f) = ceil(f 2^24) / 2^24
        keep = Math.ceil((double) fraction * 0x1p24) * 0x1p-24;
        levels = spec.getInt("levels");
    }

    @Override
    protected long maxPayloadBytes(final int n) {
        return 8 + IndexCoder.maxBytes(n);
    }

    @Override
    protected int encodeLayer(final LayerJob job, final MutableDirectBuffer dst, final int pos, final int capacity) {
        final double exactNorm = Math.sqrt(job.stats.meanSquare() * job.stats.count());
        final float norm = (float) exactNorm;
        final float scale = norm > 0 ? levels / norm : 0f;
        if (!Float.isFinite(norm) || !Float.isFinite(scale)) {
            throw new SpecException(spec() + ": " + job.where() + ": the layer norm " + exactNorm + " is outside what a float scale can carry");
        }
        final int mask = job.key(Dither.STREAM_MASK);
        final int rounding = job.key(Dither.STREAM_ROUNDING);
        final int[] q = job.ints();
        int kept = 0;
        for (int i = 0; i < job.size; i++) {
            if (Dither.unit(mask, i) < fraction) {
                final float x = job.data.getAtIndex(GradientBuffer.FLOAT_LE, job.from + i);
                // |x| <= norm, so only float rounding can push a level past s: cap it
                final int l = Math.min(levels, (int) (Math.abs(x) * scale + Dither.unit(rounding, i)));
                q[kept++] = x < 0 ? -l : l;
            }
        }
        dst.putFloat(pos, norm, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(pos + 4, kept, ByteOrder.LITTLE_ENDIAN);
        final int p = pos + 8;
        return 8 + job.indexCoder.encode(q, 0, kept, dst, p, pos + capacity - p, job.where());
    }

    @Override
    protected void decodeLayer(final LayerJob job, final DirectBuffer src, final int pos, final int length) {
        require(length >= 8, job, "payload of " + length + " bytes is shorter than its 8-byte header");
        final float norm = src.getFloat(pos, ByteOrder.LITTLE_ENDIAN);
        require(Float.isFinite(norm) && norm >= 0, job, "norm " + norm + " is not finite and non-negative");
        final int mask = job.key(Dither.STREAM_MASK);
        int kept = 0;
        for (int i = 0; i < job.size; i++) {
            kept += Dither.unit(mask, i) < fraction ? 1 : 0;
        }
        final int claimed = src.getInt(pos + 4, ByteOrder.LITTLE_ENDIAN);
        require(claimed == kept, job, "payload says " + claimed + " coordinates kept, the shared mask keeps " + kept);
        final int[] q = job.ints();
        job.indexCoder.decode(src, pos + 8, length - 8, q, 0, kept, job.where());
        requireRange(q, kept, -levels, levels, job, "level");
        final float unit = (float) (norm / (levels * keep));
        int k = 0;
        for (int i = 0; i < job.size; i++) {
            final float v = Dither.unit(mask, i) < fraction ? q[k++] * unit : 0f;
            job.data.setAtIndex(GradientBuffer.FLOAT_LE, job.from + i, v);
        }
    }
}
