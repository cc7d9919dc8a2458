package org.rdcodec.core.quant;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.spec.CodecSpec;

/**
 * EDEN (DRIVE with b bits): randomized Hadamard rotation, each rotated chunk normalized by its RMS and
 * quantized to the Gaussian Lloyd-Max levels L(z) of {@link LloydMaxTable}, reconstructed as
 * S L(z) with the unbiased scale S = ||Rx||^2 / &lt;L(z), Rx&gt; per chunk, then rotated back.
 * The level indices are entropy coded (at most b bits each).
 *
 * <p>Payload: int32 chunk count K, K float32 scales S, the index stream.
 */
final class EdenCodec extends LayerwiseCodec {

    private final int bits;
    private final float[] levels;
    private final float[] thresholds;
    private float[] buf = new float[0];
    private int[] idx = new int[0];

    EdenCodec(final CodecSpec spec) {
        super(spec);
        bits = spec.getInt("bits");
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

    private static int chunks(final int m) {
        return (m + HadamardRotation.MAX_CHUNK - 1) / HadamardRotation.MAX_CHUNK;
    }

    @Override
    protected long maxPayloadBytes(final int n) {
        final int m = HadamardRotation.paddedLength(n);
        return 4 + 4 * chunks(m) + IndexCoder.maxBytes(m);
    }

    private void ensure(final int m) {
        if (buf.length < m) {
            buf = new float[m];
            idx = new int[m];
        }
    }

    @Override
    protected int encodeLayer(final LayerJob job, final MutableDirectBuffer dst, final int pos, final int capacity) {
        final int n = job.size;
        final int m = HadamardRotation.paddedLength(n);
        ensure(m);
        for (int i = 0; i < n; i++) {
            buf[i] = job.data.getAtIndex(GradientBuffer.FLOAT_LE, job.from + i);
        }
        HadamardRotation.forward(buf, n, job.key(Dither.STREAM_ROTATION));
        final int k = chunks(m);
        dst.putInt(pos, k, ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < k; c++) {
            final int from = c * HadamardRotation.MAX_CHUNK;
            final int len = Math.min(HadamardRotation.MAX_CHUNK, m - from);
            double norm2 = 0;
            for (int i = from; i < from + len; i++) {
                norm2 += (double) buf[i] * buf[i];
            }
            final float inv = norm2 > 0 ? (float) Math.sqrt(len / norm2) : 0f;
            double dot = 0;
            for (int i = from; i < from + len; i++) {
                final float z = buf[i] * inv;
                int q = 0;
                while (q < thresholds.length && z >= thresholds[q]) {
                    q++;
                }
                idx[i] = q;
                dot += (double) levels[q] * buf[i];
            }
            // dot > 0 whenever norm2 > 0: each level has the sign of its z
            final float scale = dot > 0 ? (float) (norm2 / dot) : 0f;
            dst.putFloat(pos + 4 + 4 * c, scale, ByteOrder.LITTLE_ENDIAN);
        }
        final int p = pos + 4 + 4 * k;
        return p + job.indexCoder.encode(idx, 0, m, dst, p, pos + capacity - p, job.where()) - pos;
    }

    @Override
    protected void decodeLayer(final LayerJob job, final DirectBuffer src, final int pos, final int length) {
        final int n = job.size;
        final int m = HadamardRotation.paddedLength(n);
        final int k = chunks(m);
        require(length >= 4 + 4 * k, job, "payload of " + length + " bytes is shorter than its " + k + " chunk scales");
        require(src.getInt(pos, ByteOrder.LITTLE_ENDIAN) == k, job, "chunk count " + src.getInt(pos, ByteOrder.LITTLE_ENDIAN)
                + " does not match the layer's " + k);
        ensure(m);
        final int p = pos + 4 + 4 * k;
        job.indexCoder.decode(src, p, pos + length - p, idx, 0, m, job.where());
        for (int c = 0; c < k; c++) {
            final float scale = src.getFloat(pos + 4 + 4 * c, ByteOrder.LITTLE_ENDIAN);
            require(Float.isFinite(scale) && scale >= 0, job, "scale " + scale + " of chunk " + c + " is not finite and >= 0");
            final int from = c * HadamardRotation.MAX_CHUNK;
            final int len = Math.min(HadamardRotation.MAX_CHUNK, m - from);
            for (int i = from; i < from + len; i++) {
                require(idx[i] >= 0 && idx[i] < levels.length, job, "level index " + idx[i] + " at " + i + " is outside [0, " + levels.length + ")");
                buf[i] = scale * levels[idx[i]];
            }
        }
        HadamardRotation.inverse(buf, n, job.key(Dither.STREAM_ROTATION));
        for (int i = 0; i < n; i++) {
            job.data.setAtIndex(GradientBuffer.FLOAT_LE, job.from + i, buf[i]);
        }
    }
}
