package org.rdcodec.core.quant;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.spec.CodecSpec;

/**
 * A layer codec whose payload is an 8-byte header of its own (scale, step, norm, ...) followed by
 * entropy-coded integer indices, one per coordinate. Subclasses map floats to indices and back; this
 * class codes them.
 *
 * <p>Indices may be split by a <i>context</i> both sides know without bits (for the dithered quantizer,
 * the bin of the shared dither value): each context gets its own rANS stream and frequency table, so
 * the rate approaches H(q | context) instead of H(q). Payload after the header:
 * <pre>
 * +8            4        C: number of context streams (1..{@link #MAX_CONTEXTS})
 * +12           4 C      byte length of each stream
 * +12 + 4 C     ...      the C streams, back to back, context 0 first
 * </pre>
 */
abstract class IndexStreamCodec extends LayerwiseCodec {

    /** Bytes of the codec's own header at the start of each layer's payload. */
    static final int HEADER = 8;
    /** Most context streams per layer. */
    static final int MAX_CONTEXTS = 64;

    IndexStreamCodec(final CodecSpec spec) {
        super(spec);
    }

    /**
     * The stream table, then each context stream's bound: the coder's bound is affine in the count up to a
     * ceiling, so C streams of n_b symbols need at most C times the bound of 0 symbols, plus the bound of
     * n, plus one byte per stream for the ceilings.
     */
    @Override
    protected final long maxPayloadBytes(final int n) {
        return HEADER + 4 + 4 * MAX_CONTEXTS + MAX_CONTEXTS * (IndexCoder.maxBytes(0) + 1) + IndexCoder.maxBytes(n);
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

    /**
     * How many contexts to split this layer's indices into; 1 (the default) for none. The encoder's
     * choice (it may use the layer's statistics, not the indices: it is asked before quantizing, so that
     * the quantizer can produce the contexts in the same pass): the count travels in the payload.
     *
     * @param job the layer
     * @return the number of contexts, 1..{@link #MAX_CONTEXTS}
     */
    protected int contexts(final LayerJob job) {
        return 1;
    }

    /**
     * The most context streams this codec ever writes; the decoder rejects frames that claim more.
     *
     * @return 1 (the default) or up to {@link #MAX_CONTEXTS}
     */
    protected int maxContexts() {
        return 1;
    }

    /**
     * Fills the context of every index; called only when {@link #contexts} &gt; 1.
     *
     * @param job the layer
     * @param contexts number of contexts C
     * @param ctx out: the context of index i, in [0, C)
     */
    protected void contextOf(final LayerJob job, final int contexts, final byte[] ctx) {
        throw new UnsupportedOperationException();
    }

    /**
     * Maps the layer's floats to indices, writes the 8 header bytes and, when {@code contexts > 1}, fills
     * the context of every index. The default quantizes, then calls {@link #contextOf}; a codec whose
     * quantizer already computes what the context is made of (the dithered quantizer's hash) overrides this
     * to do both in one pass. Called after {@link #contexts}, which may use only the layer's statistics.
     *
     * @param job the layer
     * @param q indices out, {@code job.size} of them
     * @param contexts number of contexts C chosen by {@link #contexts}
     * @param ctx contexts out when C &gt; 1 (then at least {@code job.size} long), else unused
     * @param dst destination of the header
     * @param headerPos where the 8 header bytes go
     */
    protected void quantize(final LayerJob job, final int[] q, final int contexts, final byte[] ctx, final MutableDirectBuffer dst, final int headerPos) {
        quantize(job, q, dst, headerPos);
        if (contexts > 1) {
            contextOf(job, contexts, ctx);
        }
    }

    @Override
    protected final int encodeLayer(final LayerJob job, final MutableDirectBuffer dst, final int pos, final int capacity) {
        final int[] q = job.ints();
        final int c = contexts(job);
        final byte[] ctx = c > 1 ? job.contexts() : null;
        quantize(job, q, c, ctx, dst, pos);
        dst.putInt(pos + HEADER, c, ByteOrder.LITTLE_ENDIAN);
        int p = pos + HEADER + 4 + 4 * c;
        if (c == 1) {
            final int len = job.indexCoder.encode(q, 0, job.size, dst, p, pos + capacity - p, job.where());
            dst.putInt(pos + HEADER + 4, len, ByteOrder.LITTLE_ENDIAN);
            return p + len - pos;
        }
        final int[] grouped = job.ints2();
        final int[] start = ContextSplit.starts(ctx, job.size, c);
        ContextSplit.group(q, ctx, job.size, start, grouped);
        for (int b = 0; b < c; b++) {
            final int len = job.indexCoder.encode(grouped, start[b], start[b + 1] - start[b], dst, p, pos + capacity - p, job.where());
            dst.putInt(pos + HEADER + 4 + 4 * b, len, ByteOrder.LITTLE_ENDIAN);
            p += len;
        }
        return p - pos;
    }

    @Override
    protected final void decodeLayer(final LayerJob job, final DirectBuffer src, final int pos, final int length) {
        require(length >= HEADER + 4, job, "payload of " + length + " bytes is shorter than its header");
        final int c = src.getInt(pos + HEADER, ByteOrder.LITTLE_ENDIAN);
        require(c >= 1 && c <= maxContexts(), job, "payload has " + c + " context streams, outside [1, " + maxContexts() + "]");
        require(length >= HEADER + 4 + 4 * c, job, "payload of " + length + " bytes is shorter than its stream table");
        final int[] q = job.ints();
        int p = pos + HEADER + 4 + 4 * c;
        final int end = pos + length;
        if (c == 1) {
            final int len = src.getInt(pos + HEADER + 4, ByteOrder.LITTLE_ENDIAN);
            require(len == end - p, job, "index stream of " + len + " bytes does not fill the payload's " + (end - p));
            job.indexCoder.decode(src, p, len, q, 0, job.size, job.where());
        } else {
            final byte[] ctx = job.contexts();
            contextOf(job, c, ctx);
            final int[] start = ContextSplit.starts(ctx, job.size, c);
            final int[] grouped = job.ints2();
            for (int b = 0; b < c; b++) {
                final int len = src.getInt(pos + HEADER + 4 + 4 * b, ByteOrder.LITTLE_ENDIAN);
                require(len >= 0 && len <= end - p, job, "context stream " + b + " of " + len + " bytes overruns the payload");
                job.indexCoder.decode(src, p, len, grouped, start[b], start[b + 1] - start[b], job.where());
                p += len;
            }
            require(p == end, job, (end - p) + " bytes left after the context streams");
            ContextSplit.ungroup(grouped, ctx, job.size, start, q);
        }
        reconstruct(job, src, pos, q);
    }
}
