package org.rdcodec.transport;

import org.agrona.concurrent.UnsafeBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.GradientCodec;
import org.rdcodec.core.quant.UnbiasedCombiner;
import org.rdcodec.core.quant.WorkerEncoder;

/** The in-process aggregation the transport must reproduce: encode the given workers' gradients, decode, combine. */
final class ReferenceAggregation {

    private ReferenceAggregation() {
    }

    static float[] estimate(final GradientCodec codec, final GradientLayout layout, final long seed, final long round, final int[] workers) {
        final int p = layout.totalSize();
        final GradientBuffer[] decoded = new GradientBuffer[workers.length];
        try (GradientBuffer g = GradientBuffer.allocate(p); GradientBuffer out = GradientBuffer.allocate(p)) {
            for (int j = 0; j < workers.length; j++) {
                decoded[j] = GradientBuffer.allocate(p);
                try (WorkerEncoder enc = codec.newEncoder(layout, workers[j], seed)) {
                    new SyntheticGradients(workers[j], seed).gradient(round, g);
                    final UnsafeBuffer frame = new UnsafeBuffer(new byte[enc.maxFrameBytes()]);
                    final int length = enc.encode(g, round, frame, 0, frame.capacity());
                    codec.newDecoder(layout, seed).decode(frame, 0, length, decoded[j]);
                }
            }
            if (codec.unbiased()) {
                UnbiasedCombiner.combineWeighted(layout, decoded, out);
            } else {
                UnbiasedCombiner.combineMean(layout, decoded, out);
            }
            return out.toArray();
        } finally {
            for (final GradientBuffer b : decoded) {
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    static int[] bits(final float[] v) {
        final int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToRawIntBits(v[i]);
        }
        return out;
    }
}
