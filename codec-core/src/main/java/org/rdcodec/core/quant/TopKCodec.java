package org.rdcodec.core.quant;

import java.nio.ByteOrder;
import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.spec.CodecSpec;

/**
 * Top-k sparsification: the k = max(1, round(fraction n)) coordinates of largest |x| (ties broken by
 * lower index) are sent with their indices; the rest decode to zero. Biased; use with error feedback
 * ({@code ef=true}, the default). Payload: int32 k, int32 gap-stream bytes G, G bytes of index gaps
 * (index stream coder), zero padding to 4, k float32 values.
 */
final class TopKCodec extends LayerwiseCodec {

    private static final int HEADER = 8;

    private final double fraction;

    TopKCodec(final CodecSpec spec) {
        super(spec);
        this.fraction = spec.getDouble("fraction");
    }

    private int k(final int n) {
        return (int) Math.max(1, Math.min(n, Math.round(fraction * n)));
    }

    @Override
    protected long maxPayloadBytes(final int n) {
        final int k = k(n);
        return HEADER + IndexCoder.maxBytes(k) + 3 + (long) k * Float.BYTES;
    }

    @Override
    protected int encodeLayer(final LayerJob job, final MutableDirectBuffer dst, final int pos, final int capacity) {
        final int n = job.size;
        final int k = k(n);
        final float[] abs = job.floats();
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(job.data.getAtIndex(GradientBuffer.FLOAT_LE, job.from + i));
        }
        final float[] sorted = Arrays.copyOf(abs, n);
        Arrays.sort(sorted);
        final float threshold = sorted[n - k];
        int above = 0;
        for (int i = 0; i < n; i++) {
            if (abs[i] > threshold) {
                above++;
            }
        }
        int tiesLeft = k - above;
        final int[] gaps = job.ints();
        int count = 0;
        int last = -1;
        for (int i = 0; i < n && count < k; i++) {
            if (abs[i] > threshold || (abs[i] == threshold && tiesLeft-- > 0)) {
                gaps[count++] = i - last - 1;
                last = i;
            }
        }
        final int g = job.indexCoder.encode(gaps, 0, k, dst, pos + HEADER, capacity - HEADER, job.where());
        dst.putInt(pos, k, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(pos + 4, g, ByteOrder.LITTLE_ENDIAN);
        int p = pos + HEADER + g;
        while (((p - pos) & 3) != 0) {
            dst.putByte(p++, (byte) 0);
        }
        int index = -1;
        for (int j = 0; j < k; j++) {
            index += gaps[j] + 1;
            dst.putFloat(p, job.data.getAtIndex(GradientBuffer.FLOAT_LE, job.from + index), ByteOrder.LITTLE_ENDIAN);
            p += Float.BYTES;
        }
        return p - pos;
    }

    @Override
    protected void decodeLayer(final LayerJob job, final DirectBuffer src, final int pos, final int length) {
        require(length >= HEADER, job, "payload of " + length + " bytes is shorter than its header");
        final int k = src.getInt(pos, ByteOrder.LITTLE_ENDIAN);
        final int g = src.getInt(pos + 4, ByteOrder.LITTLE_ENDIAN);
        require(k == k(job.size), job, "k = " + k + ", expected " + k(job.size));
        require(g >= 0 && g <= length - HEADER, job, "gap stream of " + g + " bytes overruns the payload");
        final int values = (HEADER + g + 3) & ~3;
        require(length == values + (long) k * Float.BYTES, job, "payload has " + length + " bytes, expected " + (values + (long) k * Float.BYTES));
        final int[] gaps = job.ints();
        job.indexCoder.decode(src, pos + HEADER, g, gaps, 0, k, job.where());
        job.data.asSlice(job.from * Float.BYTES, (long) job.size * Float.BYTES).fill((byte) 0);
        long index = -1;
        for (int j = 0; j < k; j++) {
            index += gaps[j] + 1L;
            if (gaps[j] < 0 || index >= job.size) {
                require(false, job, "index gap " + gaps[j] + " at " + j + " leads to index " + index + ", outside the layer of " + job.size);
            }
            job.data.setAtIndex(GradientBuffer.FLOAT_LE, job.from + index, src.getFloat(pos + values + j * Float.BYTES, ByteOrder.LITTLE_ENDIAN));
        }
    }
}
