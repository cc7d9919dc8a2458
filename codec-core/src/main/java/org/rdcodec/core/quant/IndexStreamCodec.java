package org.rdcodec.core.quant;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.spec.CodecSpec;

/**
 * A layer codec whose payload is an 8-byte header of its own (scale, step, norm, ...) followed by one
 * entropy-coded stream of integer indices, one per coordinate. Subclasses map floats to indices and
 * back; this class codes the stream.
 */
abstract class IndexStreamCodec extends LayerwiseCodec {

    /** Bytes of the codec's own header at the start of each layer's payload. */
    static final int HEADER = 8;

    IndexStreamCodec(final CodecSpec spec) {
        super(spec);
    }

    @Override
    protected final int maxPayloadBytes(final int n) {
        return HEADER + IndexCoder.maxBytes(n);
    }

    /**
     * Maps the layer's floats to indices and writes the 8 header bytes.
     *
     * @param job the layer
     * @param q indices out, {@code job.size} of them
     * @param dst destination of the header
     * @param headerPos where the 8 header bytes go
     */
    protected abstract void quantize(LayerJob job, int[] q, MutableDirectBuffer dst, int headerPos);

    /**
     * Reads and checks the header, checks the indices, and writes the layer's floats.
     *
     * @param job the layer
     * @param src source of the header
     * @param headerPos where the 8 header bytes are
     * @param q the decoded indices
     */
    protected abstract void reconstruct(LayerJob job, DirectBuffer src, int headerPos, int[] q);

    @Override
    protected final int encodeLayer(final LayerJob job, final MutableDirectBuffer dst, final int pos, final int capacity) {
        final int[] q = job.ints();
        quantize(job, q, dst, pos);
        return HEADER + job.indexCoder.encode(q, job.size, dst, pos + HEADER, capacity - HEADER, job.where());
    }

    @Override
    protected final void decodeLayer(final LayerJob job, final DirectBuffer src, final int pos, final int length) {
        require(length >= HEADER, job, "payload of " + length + " bytes is shorter than its header");
        final int[] q = job.ints();
        job.indexCoder.decode(src, pos + HEADER, length - HEADER, q, job.size, job.where());
        reconstruct(job, src, pos, q);
    }
}
