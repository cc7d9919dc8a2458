package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.frame.FrameLayout;
import org.rdcodec.core.frame.FrameReader;
import org.rdcodec.core.frame.FrameWriter;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.spec.CodecSpec;

/**
 * A codec that codes each layer on its own into that layer's frame section. Subclasses write
 * {@link #encodeLayer} and {@link #decodeLayer}; this class does the frame, the validation of the input
 * (length, NaN/Inf), the statistics, and error feedback for codecs whose spec has {@code ef=true}
 * (the encoder keeps e = (g + e) - decode(encode(g + e)) off-heap and adds it next round).
 */
public abstract class LayerwiseCodec implements GradientCodec {

    private final CodecSpec spec;

    /**
     * @param spec the validated spec
     */
    protected LayerwiseCodec(final CodecSpec spec) {
        this.spec = spec;
    }

    @Override
    public final CodecSpec spec() {
        return spec;
    }

    /** @return whether the encoder keeps an error-feedback residual */
    protected boolean errorFeedback() {
        return spec.has("ef") && spec.getBoolean("ef");
    }

    /**
     * @param n coordinates in a layer
     * @return the most payload bytes {@link #encodeLayer} writes for it
     */
    protected abstract long maxPayloadBytes(int n);

    /**
     * Encodes one layer.
     *
     * @param job the layer: its input floats are {@code job.data[job.from, job.from + job.size)}
     * @param dst destination
     * @param pos first byte of the payload
     * @param capacity bytes available
     * @return payload bytes written
     */
    protected abstract int encodeLayer(LayerJob job, MutableDirectBuffer dst, int pos, int capacity);

    /**
     * Decodes one layer's payload into {@code job.data[job.from, job.from + job.size)}.
     *
     * @param job the layer
     * @param src source
     * @param pos first byte of the payload
     * @param length payload bytes
     * @throws FrameException with {@link FrameError#BAD_PAYLOAD} if the payload is inconsistent
     */
    protected abstract void decodeLayer(LayerJob job, DirectBuffer src, int pos, int length);

    /**
     * Throws a BAD_PAYLOAD error unless {@code ok}.
     *
     * @param ok the condition
     * @param job the layer
     * @param what what is wrong
     */
    protected static void require(final boolean ok, final LayerJob job, final String what) {
        if (!ok) {
            throw new FrameException(FrameError.BAD_PAYLOAD, job.where() + ": " + what);
        }
    }

    /**
     * Checks that every index lies in {@code [lo, hi]}; builds a message only for the first that does not
     * (this runs per coordinate on the decode path).
     *
     * @param q indices
     * @param n how many
     * @param lo smallest allowed
     * @param hi largest allowed
     * @param job the layer
     * @param what what the indices are, for the message
     */
    protected static void requireRange(final int[] q, final int n, final int lo, final int hi, final LayerJob job, final String what) {
        for (int i = 0; i < n; i++) {
            final int v = q[i];
            if (v < lo || v > hi) {
                throw new FrameException(FrameError.BAD_PAYLOAD, job.where() + ": " + what + " " + v + " at " + i + " is outside [" + lo + ", " + hi + "]");
            }
        }
    }

    @Override
    public WorkerEncoder newEncoder(final GradientLayout layout, final int worker, final long seed) {
        if (worker < 0) {
            throw new IllegalArgumentException("worker must be >= 0, got " + worker);
        }
        return new Encoder(layout, worker, seed);
    }

    @Override
    public GradientDecoder newDecoder(final GradientLayout layout, final long seed) {
        return new Decoder(layout, seed);
    }

    private int frameBound(final GradientLayout layout) {
        long bytes = FrameLayout.tableEnd(FrameLayout.MAX_SPEC_BYTES, layout.layerCount()) + FrameLayout.CRC_BYTES;
        for (int l = 0; l < layout.layerCount(); l++) {
            bytes += maxPayloadBytes(layout.size(l)) + FrameLayout.ALIGN;
        }
        if (bytes > Integer.MAX_VALUE) {
            throw new FrameException(FrameError.OVERSIZED, spec + ": a frame for " + layout + " may need " + bytes
                    + " bytes, more than one frame can hold (2 GiB); split the gradient into smaller layouts");
        }
        return (int) bytes;
    }

    private final class Encoder implements WorkerEncoder {
        private final GradientLayout layout;
        private final LayerJob job = new LayerJob();
        private final FrameWriter writer = new FrameWriter();
        private final UnsafeBuffer region = new UnsafeBuffer(new byte[0]);
        private final int maxFrame;
        private final GradientBuffer residual;
        private final GradientBuffer corrected;
        private final Decoder selfDecoder;
        private final UnsafeBuffer scratchFrame;
        private final GradientBuffer reconstructed;

        Encoder(final GradientLayout layout, final int worker, final long seed) {
            this.layout = layout;
            this.maxFrame = frameBound(layout);
            job.worker = worker;
            job.seed = seed;
            if (errorFeedback()) {
                residual = GradientBuffer.allocate(layout.totalSize());
                corrected = GradientBuffer.allocate(layout.totalSize());
                reconstructed = GradientBuffer.allocate(layout.totalSize());
                selfDecoder = new Decoder(layout, seed);
                scratchFrame = new UnsafeBuffer(new byte[maxFrame]);
            } else {
                residual = null;
                corrected = null;
                reconstructed = null;
                selfDecoder = null;
                scratchFrame = null;
            }
        }

        @Override
        public int maxFrameBytes() {
            return maxFrame;
        }

        @Override
        public int encode(final GradientBuffer gradient, final long round, final MutableDirectBuffer dst, final int offset, final int capacity) {
            layout.requireTotal(gradient.length(), "gradient of worker " + job.worker);
            if (round < 0) {
                throw new IllegalArgumentException("round must be >= 0, got " + round);
            }
            GradientBuffer input = gradient;
            if (residual != null) {
                addInto(gradient.segment(), residual.segment(), corrected.segment(), gradient.length());
                input = corrected;
            }
            if (offset < 0 || capacity < 0 || (long) offset + capacity > dst.capacity()) {
                throw new IllegalArgumentException("region [" + offset + ", +" + capacity + ") is outside a buffer of " + dst.capacity() + " bytes");
            }
            // every write goes through a bounds-checked view of [offset, offset + capacity): a layer that
            // outgrows the caller's room fails as OVERSIZED without touching bytes past it
            region.wrap(dst, offset, capacity);
            final int length;
            try {
                length = encodeFrame(input, round, region, 0, capacity);
            } catch (final IndexOutOfBoundsException e) {
                throw new FrameException(FrameError.OVERSIZED, "worker " + job.worker + ", round " + round + ": the frame outgrew the "
                        + capacity + " bytes given (maxFrameBytes() = " + maxFrame + " always suffices)", e);
            }
            if (residual != null) {
                // e <- (g + e) - decode(frame): what this round's frame failed to say is sent later
                dst.getBytes(offset, scratchFrame, 0, length);
                selfDecoder.decode(scratchFrame, 0, length, reconstructed);
                subtractInto(corrected.segment(), reconstructed.segment(), residual.segment(), gradient.length());
            }
            return length;
        }

        private int encodeFrame(final GradientBuffer input, final long round, final MutableDirectBuffer dst, final int offset, final int capacity) {
            writer.wrap(dst, offset, capacity).begin(spec, round, job.worker, layout);
            job.round = round;
            job.data = input.segment();
            for (int l = 0; l < layout.layerCount(); l++) {
                job.layer = l;
                job.layerName = layout.name(l);
                job.from = layout.offset(l);
                job.size = layout.size(l);
                job.stats = QuantKernels.STATS.stats(job.data, job.from, job.size);
                if (job.stats.nonFinite() > 0) {
                    throw nonFinite(input, round);
                }
                final int pos = writer.beginSection(l);
                writer.endSection(encodeLayer(job, dst, pos, writer.sectionCapacity()));
            }
            return writer.finish();
        }

        /** The error for the first NaN/Inf of the current layer (with error feedback it shows at the same index of g + e). */
        private NonFiniteGradientException nonFinite(final GradientBuffer input, final long round) {
            int first = 0;
            while (Float.isFinite(input.get((int) job.from + first))) {
                first++;
            }
            final long flat = job.from + first;
            return new NonFiniteGradientException(spec.name() + ": worker " + job.worker + ", round " + round + ": layer " + job.layer
                    + " ('" + job.layerName + "') holds " + job.stats.nonFinite() + " non-finite value(s); the first, "
                    + input.get((int) flat) + ", is at layer index " + first + " (flat index " + flat + ")", job.layer, flat);
        }

        @Override
        public void close() {
            if (residual != null) {
                residual.close();
                corrected.close();
                reconstructed.close();
            }
        }
    }

    private final class Decoder implements GradientDecoder {
        private final GradientLayout layout;
        private final long seed;
        private final FrameReader reader = new FrameReader();
        private final LayerJob job = new LayerJob();

        Decoder(final GradientLayout layout, final long seed) {
            this.layout = layout;
            this.seed = seed;
        }

        @Override
        public DecodedFrame decode(final DirectBuffer src, final int offset, final int length, final GradientBuffer out) {
            layout.requireTotal(out.length(), "output buffer");
            reader.wrap(src, offset, length).requireLayout(layout);
            if (!reader.spec().equals(spec)) {
                throw new FrameException(FrameError.BAD_CODEC, "frame of worker " + reader.worker() + " was written by '" + reader.spec()
                        + "' but this decoder is '" + spec + "'");
            }
            job.seed = seed;
            job.round = reader.round();
            job.worker = reader.worker();
            job.data = out.segment();
            job.stats = null;
            for (int l = 0; l < layout.layerCount(); l++) {
                job.layer = l;
                job.layerName = layout.name(l);
                job.from = layout.offset(l);
                job.size = layout.size(l);
                decodeLayer(job, src, reader.sectionOffset(l), reader.sectionLength(l));
            }
            return new DecodedFrame(job.round, job.worker, reader.frameLength());
        }
    }

    private static void addInto(final MemorySegment a, final MemorySegment b, final MemorySegment out, final int n) {
        for (int i = 0; i < n; i++) {
            out.setAtIndex(GradientBuffer.FLOAT_LE, i, a.getAtIndex(GradientBuffer.FLOAT_LE, i) + b.getAtIndex(GradientBuffer.FLOAT_LE, i));
        }
    }

    private static void subtractInto(final MemorySegment a, final MemorySegment b, final MemorySegment out, final int n) {
        for (int i = 0; i < n; i++) {
            out.setAtIndex(GradientBuffer.FLOAT_LE, i, a.getAtIndex(GradientBuffer.FLOAT_LE, i) - b.getAtIndex(GradientBuffer.FLOAT_LE, i));
        }
    }
}
