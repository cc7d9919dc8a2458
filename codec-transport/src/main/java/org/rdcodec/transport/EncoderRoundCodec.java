package org.rdcodec.transport;

import org.agrona.DirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.quant.WorkerEncoder;

/** A per-worker codec of the catalog in the round protocol: no plan, no back channel. */
final class EncoderRoundCodec implements WorkerRoundCodec {

    private final WorkerEncoder encoder;

    EncoderRoundCodec(final WorkerEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public int nominalFrameBytes() {
        return encoder.maxFrameBytes();
    }

    @Override
    public int encode(final long round, final DirectBuffer announcement, final int offset, final int length,
            final GradientBuffer gradient, final GrowableBuffer out, final int at) {
        final int max = encoder.maxFrameBytes();
        return encoder.encode(gradient, round, out.ensure(at + max), at, max);
    }

    @Override
    public void close() {
        encoder.close();
    }
}
