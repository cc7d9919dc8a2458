package org.rdcodec.core.quant;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.spec.CodecSpec;
import org.rdcodec.core.spec.SpecException;

/**
 * Sparse dithering: a shared-seed mask keeps coordinate i when the mask stream's unit(i) &lt; p (the
 * server knows which, no index bits); each kept coordinate is dithered on a grid of step Delta and the
 * decoder scales it by 1/p', p' = ceil(p 2^24) 2^-24 the keep probability the 24-bit mask realises, so the
 * estimate is unbiased. Only the kept coordinates' signed indices are sent (rANS). Derivations and
 * measurements: {@code src/site/m22-and-optimal-compression.md}, section 2.2.
 *
 * <p>Step: {@code levels=s} (the original form) gives Delta = ||x|| / s; {@code step=a &gt; 0} gives
 * Delta = a ||x|| / sqrt(n), a multiple of the layer's RMS, which does not shrink the kept values towards
 * one level as ||x|| grows with n (with Delta = ||x|| / s a kept Gaussian value is non-zero with
 * probability ~ s / sqrt(n), which is what made the original form 15 to 80 times the bound at low rates).
 *
 * <p>Rounding, both from the shared rounding stream v_i uniform in [0, 1):
 * <ul>
 * <li>{@code stochastic}: l_i = floor(|x_i| / Delta + v_i), output sign(x_i) l_i Delta / p'; per kept
 * coordinate variance f(1 - f) Delta^2, f the fractional part of |x_i| / Delta;</li>
 * <li>{@code subtractive}: q_i = round(x_i / Delta - u_i), u_i = v_i + 2^-25 - 1/2, output (q_i + u_i) Delta / p';
 * the rounding error is uniform on [-Delta/2, Delta/2) whatever x_i (subtractive dither), variance Delta^2 / 12,
 * half the stochastic average, for the same index distribution and so the same bits.</li>
 * </ul>
 * omega(x) = (1/p' - 1) + (1/p') sum_kept-variance / ||x||^2, with the sum over all i of the per-coordinate variance.
 *
 * <p>Payload: float32 norm, int32 number kept, then for stochastic rounding the index stream of the kept
 * indices; for subtractive rounding int32 C, C int32 stream lengths and C streams (the kept indices split
 * by the bin of their dither, see {@link #contexts}).
 */
final class SparseDitherCodec extends LayerwiseCodec {

    /** Half a step of the 24-bit rounding stream: centres its grid of 2^24 values on the unit interval. */
    private static final double HALF_ULP = 0x1p-25;

    /** Most dither-bin streams per layer (subtractive rounding). */
    private static final int MAX_CONTEXTS = 16;

    private final float fraction;
    private final double keep;
    private final int levels;
    private final double stepRms;
    private final boolean subtractive;

    SparseDitherCodec(final CodecSpec spec) {
        super(spec);
        fraction = (float) spec.getDouble("fraction");
        // unit(i) = k 2^-24, k uniform on [0, 2^24): P(unit < f) = ceil(f 2^24) / 2^24
        keep = Math.ceil((double) fraction * 0x1p24) * 0x1p-24;
        levels = spec.getInt("levels");
        stepRms = spec.getDouble("step");
        subtractive = spec.getString("rounding").equals("subtractive");
    }

    @Override
    protected long maxPayloadBytes(final int n) {
        // norm, count, stream count and lengths, and at most MAX_CONTEXTS streams of the kept indices
        return 12 + 4L * MAX_CONTEXTS + MAX_CONTEXTS * IndexCoder.maxBytes(n);
    }

    /** The grid step for a layer of n values with (float) norm: computed alike by encoder and decoder. */
    private double step(final float norm, final int n) {
        return stepRms > 0 ? stepRms * norm / Math.sqrt(n) : (double) norm / levels;
    }

    /** Largest index magnitude a layer of n values can produce (|x_i| &lt;= ||x||, plus one for the rounding). */
    private long maxIndex(final int n) {
        final double top = stepRms > 0 ? Math.sqrt(n) / stepRms : levels;
        return (long) Math.ceil(top * (1 + 1e-6)) + 1;
    }

    @Override
    protected int encodeLayer(final LayerJob job, final MutableDirectBuffer dst, final int pos, final int capacity) {
        final double exactNorm = Math.sqrt(job.stats.meanSquare() * job.stats.count());
        final float norm = (float) exactNorm;
        final double delta = step(norm, job.size);
        if (!Float.isFinite(norm) || !Double.isFinite(delta) || maxIndex(job.size) > Integer.MAX_VALUE / 2) {
            throw new SpecException(spec() + ": " + job.where() + ": the layer norm " + exactNorm + " and step give a grid outside what the codec can carry");
        }
        final int mask = job.key(Dither.STREAM_MASK);
        final int rounding = job.key(Dither.STREAM_ROUNDING);
        final int[] q = job.ints();
        int kept = 0;
        if (norm > 0) {
            final double inv = 1 / delta;
            final long cap = maxIndex(job.size);
            for (int i = 0; i < job.size; i++) {
                if (Dither.unit(mask, i) < fraction) {
                    final double y = job.data.getAtIndex(GradientBuffer.FLOAT_LE, job.from + i) * inv;
                    final double v = Dither.unit(rounding, i);
                    final long l = subtractive ? (long) Math.floor(y - (v + HALF_ULP - 0.5) + 0.5)
                            : (long) Math.copySign(Math.floor(Math.abs(y) + v), y);
                    // |x| <= norm bounds |l| by cap; only float rounding of the norm could pass it
                    q[kept++] = (int) Math.max(-cap, Math.min(cap, l));
                }
            }
        } else {
            for (int i = 0; i < job.size; i++) {
                kept += Dither.unit(mask, i) < fraction ? 1 : 0;
            }
            java.util.Arrays.fill(q, 0, kept, 0);
        }
        dst.putFloat(pos, norm, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(pos + 4, kept, ByteOrder.LITTLE_ENDIAN);
        if (!subtractive) {
            final int p = pos + 8;
            return 8 + job.indexCoder.encode(q, 0, kept, dst, p, pos + capacity - p, job.where());
        }
        final int c = contexts(kept, job.size);
        dst.putInt(pos + 8, c, ByteOrder.LITTLE_ENDIAN);
        int p = pos + 12 + 4 * c;
        if (c == 1) {
            final int len = job.indexCoder.encode(q, 0, kept, dst, p, pos + capacity - p, job.where());
            dst.putInt(pos + 12, len, ByteOrder.LITTLE_ENDIAN);
            return p + len - pos;
        }
        final byte[] ctx = job.contexts();
        keptBins(job, c, ctx);
        final int[] start = ContextSplit.starts(ctx, kept, c);
        final int[] grouped = job.ints2();
        ContextSplit.group(q, ctx, kept, start, grouped);
        for (int b = 0; b < c; b++) {
            final int len = job.indexCoder.encode(grouped, start[b], start[b + 1] - start[b], dst, p, pos + capacity - p, job.where());
            dst.putInt(pos + 12 + 4 * b, len, ByteOrder.LITTLE_ENDIAN);
            p += len;
        }
        return p - pos;
    }

    /**
     * The decoder knows each kept coordinate's dither, and the index given the dither has lower entropy
     * than the index (H(q | u) &lt;= H(q), the ECDQ rate): the kept indices are coded in C streams by the bin
     * floor(C v_i) of their dither, C = 16 from 2^15 kept values, 4 from 2^11, else 1 (each stream carries a
     * table). The gain I(q; u) grows with the step (Gaussian model: 0.05 bits per kept value at a step of
     * 1 RMS, 0.16 at 2, 0.24 at 3), the cost is a table per stream (measured: 16 streams at a step of 1 RMS
     * came out 0.01 bits above a single one on 2^16 values), so from a step of 2 RMS. As in {@code dithered}.
     */
    private int contexts(final int kept, final int n) {
        final double stepOverRms = stepRms > 0 ? stepRms : Math.sqrt(n) / levels;
        if (!(stepOverRms >= 2)) {
            return 1;
        }
        return kept >= 1 << 15 ? MAX_CONTEXTS : kept >= 1 << 11 ? 4 : 1;
    }

    /** The dither bin of each kept coordinate, in the order of the kept indices. */
    private void keptBins(final LayerJob job, final int c, final byte[] ctx) {
        final int mask = job.key(Dither.STREAM_MASK);
        final int rounding = job.key(Dither.STREAM_ROUNDING);
        int k = 0;
        for (int i = 0; i < job.size; i++) {
            if (Dither.unit(mask, i) < fraction) {
                // unit = m 2^-24 exactly: floor(unit C) for C a power of two is the top bits of m
                ctx[k++] = (byte) (Dither.unit(rounding, i) * c);
            }
        }
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
        if (subtractive) {
            decodeStreams(job, src, pos, length, q, kept);
        } else {
            job.indexCoder.decode(src, pos + 8, length - 8, q, 0, kept, job.where());
        }
        final int cap = (int) maxIndex(job.size);
        requireRange(q, kept, -cap, cap, job, "index");
        final double unit = step(norm, job.size) / keep;
        final int rounding = job.key(Dither.STREAM_ROUNDING);
        final boolean zero = norm == 0;
        int k = 0;
        for (int i = 0; i < job.size; i++) {
            float v = 0f;
            if (Dither.unit(mask, i) < fraction) {
                final int l = q[k++];
                if (zero) {
                    require(l == 0, job, "index " + l + " in a layer of norm 0");
                } else {
                    v = (float) (subtractive ? (l + Dither.unit(rounding, i) + HALF_ULP - 0.5) * unit : l * unit);
                }
            }
            job.data.setAtIndex(GradientBuffer.FLOAT_LE, job.from + i, v);
        }
    }

    /** Payload after norm and count: int32 C in {1, 4, 16}, C int32 stream lengths, the C streams. */
    private void decodeStreams(final LayerJob job, final DirectBuffer src, final int pos, final int length, final int[] q, final int kept) {
        require(length >= 12, job, "payload of " + length + " bytes is shorter than its 12-byte header");
        final int c = src.getInt(pos + 8, ByteOrder.LITTLE_ENDIAN);
        require(c == 1 || c == 4 || c == MAX_CONTEXTS, job, "payload has " + c + " context streams, not 1, 4 or " + MAX_CONTEXTS);
        require(length >= 12 + 4 * c, job, "payload of " + length + " bytes is shorter than its stream table");
        final int end = pos + length;
        int p = pos + 12 + 4 * c;
        if (c == 1) {
            final int len = src.getInt(pos + 12, ByteOrder.LITTLE_ENDIAN);
            require(len == end - p, job, "index stream of " + len + " bytes does not fill the payload's " + (end - p));
            job.indexCoder.decode(src, p, len, q, 0, kept, job.where());
            return;
        }
        final byte[] ctx = job.contexts();
        keptBins(job, c, ctx);
        final int[] start = ContextSplit.starts(ctx, kept, c);
        final int[] grouped = job.ints2();
        for (int b = 0; b < c; b++) {
            final int len = src.getInt(pos + 12 + 4 * b, ByteOrder.LITTLE_ENDIAN);
            require(len >= 0 && len <= end - p, job, "context stream " + b + " of " + len + " bytes overruns the payload");
            job.indexCoder.decode(src, p, len, grouped, start[b], start[b + 1] - start[b], job.where());
            p += len;
        }
        require(p == end, job, (end - p) + " bytes left after the context streams");
        ContextSplit.ungroup(grouped, ctx, kept, start, q);
    }
}
