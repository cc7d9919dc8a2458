package org.rdcodec.transport;

import org.agrona.DirectBuffer;
import org.rdcodec.core.RdcodecException;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.sw.ceo.CeoPlan;
import org.rdcodec.sw.ceo.CeoSpec;
import org.rdcodec.sw.ceo.CeoWorkerEncoder;

/**
 * A CEO worker in the round protocol: reads the plan from the ANNOUNCE ({@link CeoPlanMessage}), encodes with
 * {@link CeoWorkerEncoder} under it (nothing when the plan has it silent on every layer), and answers the
 * server's requests from the indices it kept for the round.
 */
public final class CeoWorkerRoundCodec implements WorkerRoundCodec {

    private final GradientLayout layout;
    private final int workers;
    private final long seed;
    private final CeoSpec spec;
    private final CeoWorkerEncoder encoder;
    private float[] y;

    /**
     * @param layout the layout
     * @param worker k
     * @param workers K
     * @param seed the shared seed
     * @param spec the codec spec
     */
    public CeoWorkerRoundCodec(final GradientLayout layout, final int worker, final int workers, final long seed, final CeoSpec spec) {
        this.layout = layout;
        this.workers = workers;
        this.seed = seed;
        this.spec = spec;
        this.encoder = new CeoWorkerEncoder(layout, worker, seed, spec);
    }

    @Override
    public int nominalFrameBytes() {
        return 4 * layout.totalSize() + 1024; // float32-sized: the fine bootstrap quantization stays below it
    }

    @Override
    public int encode(final long round, final DirectBuffer announcement, final int offset, final int length,
            final GradientBuffer gradient, final GrowableBuffer out, final int at) {
        final CeoPlan plan = CeoPlanMessage.read(announcement, offset, length, workers, layout.layerCount(), round, seed, spec);
        boolean active = false;
        for (int l = 0; l < layout.layerCount(); l++) {
            active |= plan.position(encoder.worker(), l) >= 0;
        }
        if (!active) {
            return 0;
        }
        if (y == null) {
            y = new float[layout.totalSize()];
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = gradient.get(i);
        }
        final byte[] frame = encoder.encode(y, plan);
        out.ensure(at + frame.length).putBytes(at, frame);
        return frame.length;
    }

    @Override
    public int answer(final long round, final BackRequest request, final GrowableBuffer out, final int at) {
        final long[] bits;
        final int count;
        try {
            if (request.kind() == BackRequest.RAW) {
                count = request.n();
                bits = encoder.rawPlane(round, request.layer(), request.plane(), request.from(), request.n());
            } else {
                count = request.bitTo() - request.bitFrom();
                bits = encoder.ladder(round, request.layer(), request.plane(), request.from(), request.n(), request.base(),
                        request.bitFrom(), request.bitTo());
            }
        } catch (final IllegalStateException | IllegalArgumentException | IndexOutOfBoundsException | RdcodecException e) {
            return BackReply.write(request.sequence(), BackReply.NOT_HELD, new long[0], 0, out.ensure(at + BackReply.length(0)), at);
        }
        return BackReply.write(request.sequence(), BackReply.OK, bits, count, out.ensure(at + BackReply.length(count)), at);
    }

    @Override
    public void close() {
        // heap only
    }
}
