package org.rdcodec.sw.ceo;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.rdcodec.core.entropy.EntropyFormatException;
import org.rdcodec.core.entropy.RansDecoder;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Dither;
import org.rdcodec.sw.bp.BatchSlepianWolfDecoder;
import org.rdcodec.sw.bp.SlepianWolfDecoder;
import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.SourceBlock;

/**
 * The server of the CEO codec. Per layer it decodes the active workers in the plan's order: the first from its
 * entropy-coded indices; each later one plane by plane, most significant first, with LLRs from
 * {@link BitPlaneModel} under the side information Y_k | decoded ~ N(mu, v + sn2_k) ({@link SideInformation},
 * updated after each worker with its total variance sn2^ + step^2/12). A CHECK block takes the hard decisions
 * and compares the CRC; a SYNDROME block runs belief propagation and compares the CRC; a block that fails
 * either way is fetched raw through the {@link BackChannel} (counted, bits and blocks); in rate-adaptive
 * mode a SYNDROME block first asks for more ladder bits, {@code CeoCodes.adaptiveStep} (2.5% of B, at least a
 * request's 64 bits) at a time, up to the ladder's end; a BP attempt that stops making progress (no new minimum of
 * unsatisfied checks for {@link #STALL_WINDOW} iterations) counts as failed. Every worker's
 * reconstruction is the exact yhat = (q - u) step, so the estimate sum_k alpha_k yhat_k with the plan's
 * weights (summing to 1, fixed before the round's data) is unbiased whatever fails. Not thread-safe.
 */
public final class CeoServerDecoder {

    /** Bits of one fallback request (worker, layer, plane, block: a small message) on top of the raw block. */
    public static final int REQUEST_BITS = 64;

    /** The server's way back to a worker: more ladder bits, or a failed block's raw bits. */
    public interface BackChannel {
        /**
         * @param worker k
         * @param round the round
         * @param layer l
         * @param plane bit index
         * @param from first coordinate of the block in the layer
         * @param n block length
         * @return the block's bits, packed
         * @throws WorkerUnavailableException if the worker cannot answer (gone, or too late)
         */
        long[] rawPlane(int worker, long round, int layer, int plane, int from, int n);

        /**
         * @param worker k
         * @param round the round
         * @param layer l
         * @param plane bit index
         * @param from first coordinate of the block in the layer
         * @param n block length
         * @param base B of the block's rate-adaptive ladder
         * @param bitFrom first ladder bit wanted
         * @param bitTo one past the last ladder bit wanted (at most M)
         * @return ladder bits [bitFrom, bitTo), packed from bit 0 (exactly what is charged)
         * @throws WorkerUnavailableException if the worker cannot answer (gone, or too late)
         */
        long[] ladder(int worker, long round, int layer, int plane, int from, int n, int base, int bitFrom, int bitTo);
    }

    /** Requests, fallbacks and charged bits of one worker's layer (kept when the worker is dropped half-way). */
    static final class Tally {
        long bits;
        int fallbacks;
        int requests;
    }

    /**
     * One back-channel request, charged as the accounting says: REQUEST_BITS plus the bits it brings back when
     * answered; REQUEST_BITS alone when sent and unanswered; nothing when never sent.
     */
    static long[] fetch(final Tally tally, final int bits, final java.util.function.Supplier<long[]> call) {
        try {
            final long[] got = call.get();
            tally.requests++;
            tally.bits += bits + REQUEST_BITS;
            return got;
        } catch (final WorkerUnavailableException e) {
            if (e.requestSent()) {
                tally.requests++;
                tally.bits += REQUEST_BITS;
            }
            throw e;
        }
    }

    private final GradientLayout layout;
    private final long seed;
    private final CeoSpec spec;
    /**
     * Iterations without a new minimum of unsatisfied checks after which a BP attempt is given up (and the
     * block asks for more ladder bits): a failing attempt used to run all
     * {@link SlepianWolfDecoder#DEFAULT_MAX_ITERATIONS}; see src/site/ceo.md (speed) for the rate and time
     * measured with it.
     */
    static final int STALL_WINDOW = 8;

    private final BatchSlepianWolfDecoder batch = new BatchSlepianWolfDecoder(SlepianWolfDecoder.DEFAULT_MAX_ITERATIONS,
            STALL_WINDOW);
    private final RansDecoder rans = new RansDecoder();
    private final PlaneLlrChain chain = new PlaneLlrChain();
    private float[][][] lastYhat = new float[0][][];
    /** The E8 sections ({@code quantizer=e8}), created on first use. */
    private CeoE8Decoder e8;

    /**
     * @param layout the gradient layout
     * @param seed the shared seed
     * @param spec the codec spec (block length)
     */
    public CeoServerDecoder(final GradientLayout layout, final long seed, final CeoSpec spec) {
        this.layout = layout;
        this.seed = seed;
        this.spec = spec;
    }

    /**
     * Starts decoding one round incrementally (frames as they arrive, workers that go away dropped).
     *
     * @param plan the round's plan
     * @return the round's decoding state
     */
    public CeoRoundDecoding begin(final CeoPlan plan) {
        return new CeoRoundDecoding(this, plan);
    }

    /**
     * Decodes a whole round at once.
     *
     * @param frames per worker its frame, or null if it sent none
     * @param plan the round's plan
     * @param back fetches raw blocks after failures
     * @return the estimate, the reconstructions' steps and the plane statistics
     * @throws FrameException if a frame is missing, truncated, corrupted or malformed (nothing is returned then)
     */
    public CeoRoundResult decode(final byte[][] frames, final CeoPlan plan, final BackChannel back) {
        final int k = plan.workers();
        if (frames.length != k) {
            throw new FrameException(FrameError.WRONG_LAYOUT, "ceo: " + frames.length + " frames for " + k + " workers");
        }
        final CeoRoundDecoding round = begin(plan);
        for (int j = 0; j < k; j++) {
            if (frames[j] != null) {
                round.accept(j, frames[j]);
            }
        }
        while (!round.done()) {
            if (!round.step(back)) {
                final int j = round.awaiting();
                throw new FrameException(FrameError.TRUNCATED, "ceo: worker " + j + " is active on layer "
                        + layout.name(round.layer()) + " but sent no frame");
            }
        }
        return round.result();
    }

    /**
     * @param worker k
     * @param layer l
     * @return worker k's reconstruction of layer l in the last round, or null if it sent none
     */
    public float[] reconstruction(final int worker, final int layer) {
        return lastYhat[worker][layer];
    }

    GradientLayout layout() {
        return layout;
    }

    void remember(final float[][][] yhat) {
        lastYhat = yhat;
    }

    /**
     * Checks a frame (CRC, layout, worker, round) and returns its layer sections.
     *
     * @throws FrameException if it is not worker j's frame of the plan's round
     */
    int[] check(final byte[] frame, final int j, final CeoPlan plan) {
        final UnsafeBuffer buf = new UnsafeBuffer(frame);
        final int id = CeoFrame.check(buf, frame.length, layout.layerCount());
        if (id != j) {
            throw new FrameException(FrameError.MALFORMED, "ceo frame of worker " + j + " says worker " + id);
        }
        final long round = buf.getLong(12, ByteOrder.LITTLE_ENDIAN);
        if (round != plan.round()) {
            throw new FrameException(FrameError.MALFORMED, "ceo frame of worker " + j + " is of round " + round
                    + ", expected " + plan.round());
        }
        return sections(buf, frame.length - CeoFrame.TRAILER_BYTES, j);
    }

    /**
     * Decodes worker j's layer l from its checked frame.
     *
     * @param side the side information of the workers decoded before it (null in a bootstrap round)
     * @param steps receives the frame's step at [j][l]
     * @return the reconstruction yhat = (q - u) step
     */
    float[] decodeLayer(final byte[] frame, final int pos, final int end, final CeoPlan plan, final int j, final int l,
            final SideInformation side, final BackChannel back, final Tally tally, final List<PlaneStat> stats,
            final double[][] steps) {
        final int n = layout.size(l);
        final UnsafeBuffer buf = new UnsafeBuffer(frame);
        final byte mode = buf.getByte(pos);
        if (mode == CeoFrame.MODE_SILENT) {
            throw new FrameException(FrameError.MALFORMED, "ceo: worker " + j + " is silent on layer "
                    + layout.name(l) + " but the plan has it active");
        }
        final float step = buf.getFloat(pos + 4, ByteOrder.LITTLE_ENDIAN);
        steps[j][l] = step;
        final int key = Dither.key(seed, plan.round(), j, l, Dither.STREAM_DITHER);
        if (mode == CeoFrame.MODE_E8) {
            if (side == null || plan.position(j, l) == 0) {
                throw new FrameException(FrameError.MALFORMED, "ceo: worker " + j + " sent E8 bit-planes on layer "
                        + layout.name(l) + " without side information before it");
            }
            if (e8 == null) {
                e8 = new CeoE8Decoder(this, spec);
            }
            return e8.decode(buf, pos + 12, end, plan, j, l, n, step, key, side, back, tally, stats);
        }
        final int[] q = new int[n];
        if (mode == CeoFrame.MODE_ENTROPY) {
            readEntropy(buf, pos + 12, end, q, n, key, j, l);
        } else {
            // first in the plan's order: nothing was meant to precede it; later ones whose predecessors were
            // all dropped decode against the prior N(0, sx2) alone (more fallbacks, same exact result)
            if (side == null || plan.position(j, l) == 0) {
                throw new FrameException(FrameError.MALFORMED, "ceo: worker " + j + " sent bit-planes on layer "
                        + layout.name(l) + " without side information before it");
            }
            readPlanes(buf, pos + 12, end, q, n, key, step, side, plan, j, l, back, stats, tally);
        }
        final float[] yhat = new float[n];
        for (int i = 0; i < n; i++) {
            yhat[i] = (float) ((q[i] - (double) Dither.centred(key, i)) * step);
        }
        return yhat;
    }

    private void readEntropy(final DirectBuffer buf, final int pos, final int end, final int[] q, final int n,
            final int key, final int worker, final int layer) {
        final int contexts = buf.getInt(pos, ByteOrder.LITTLE_ENDIAN);
        int p = pos + 4 + 4 * contexts;
        final int[] grouped = new int[n];
        final int[] counts = new int[contexts];
        int from = 0;
        for (int c = 0; c < contexts; c++) {
            final int len = buf.getInt(pos + 4 + 4 * c, ByteOrder.LITTLE_ENDIAN);
            try {
                counts[c] = rans.symbolCount(buf, p, len);
                if (counts[c] > n - from) {
                    throw bad(worker, layer, "context streams hold more than " + n + " indices");
                }
                rans.decode(buf, p, len, grouped, from, counts[c]);
            } catch (final EntropyFormatException e) {
                throw new FrameException(FrameError.BAD_PAYLOAD, "ceo worker " + worker + " layer " + layout.name(layer)
                        + " stream " + c + ": " + e.getMessage(), e);
            }
            from += counts[c];
            p += len;
        }
        if (from != n || p != end) {
            throw bad(worker, layer, "context streams hold " + from + " indices in " + (p - pos) + " bytes");
        }
        final int[] expected = new int[contexts];
        for (int i = 0; i < n; i++) {
            expected[EntropyContexts.of(key, i, contexts)]++;
        }
        for (int c = 0; c < contexts; c++) {
            if (expected[c] != counts[c]) {
                throw bad(worker, layer, "context " + c + " holds " + counts[c] + " indices, the dither gives " + expected[c]);
            }
        }
        EntropyContexts.scatter(grouped, n, key, contexts, counts, q);
        for (int i = 0; i < n; i++) {
            if (Math.abs((double) q[i]) > CeoWorkerEncoder.MAX_INDEX + 1) {
                throw bad(worker, layer, "index " + i + " = " + q[i] + " out of range");
            }
        }
    }

    private void readPlanes(final DirectBuffer buf, final int pos, final int end, final int[] q, final int n,
            final int key, final float step, final SideInformation side, final CeoPlan plan, final int worker,
            final int layer, final BackChannel back, final List<PlaneStat> stats, final Tally tally) {
        final int qmin = buf.getInt(pos, ByteOrder.LITTLE_ENDIAN);
        final int planes = buf.getInt(pos + 4, ByteOrder.LITTLE_ENDIAN);
        final BitPlaneModel model = new BitPlaneModel(planes, qmin);
        final double s = side.observationStdDev(plan.sn2()[worker][layer]);
        final float[] u = new float[n];
        final double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = Dither.centred(key, i);
            mu[i] = side.mean(i);
        }
        final int[] r = q;
        final float[] llr = new float[n];
        chain.start(n);
        final int block = spec.block();
        final int blocks = (n + block - 1) / block;
        int p = pos + 8;
        for (int b = planes - 1; b >= 0; b--) {
            final PlaneKind kind = PlaneKind.values()[buf.getByte(p)];
            p += 4;
            chain.llrs(model, b, r, u, step, mu, s, n, llr);
            final double hBits = PlaneLlrChain.conditionalEntropy(llr, n) * n;
            final long[][] bits = new long[blocks][];
            final int start = p;
            long fb = 0;
            if (kind == PlaneKind.SYNDROME) {
                final SyndromePlane plane = new SyndromePlane(blocks);
                p = plane.read(buf, p, n, block);
                fb = plane.decode(llr, n, block, worker, plan.round(), layer, b, back, bits, tally);
            } else {
                for (int j = 0; j < blocks; j++) {
                    final int from = j * block;
                    final int nb = Math.min(block, n - from);
                    if (kind == PlaneKind.CHECK) {
                        final int crc = buf.getInt(p, ByteOrder.LITTLE_ENDIAN);
                        p += 4;
                        final long[] hard = new long[SourceBlock.words(nb)];
                        for (int i = 0; i < nb; i++) {
                            if (llr[from + i] < 0) {
                                hard[i >>> 6] |= 1L << (i & 63);
                            }
                        }
                        if (SourceBlock.crc32c(hard, nb) == crc) {
                            bits[j] = hard;
                        }
                    } else if (kind == PlaneKind.RAW) {
                        bits[j] = PlaneBits.read(buf, p, nb);
                        p += (nb + 7) >>> 3;
                    } else {
                        throw new IllegalStateException(kind.toString());
                    }
                }
            }
            final long sent = 8L * (p - start);
            int fails = 0;
            for (int j = 0; j < blocks; j++) {
                final int from = j * block;
                final int nb = Math.min(block, n - from);
                long[] got = bits[j];
                if (got == null) {
                    final int bb = b;
                    got = fetch(tally, nb, () -> back.rawPlane(worker, plan.round(), layer, bb, from, nb));
                    tally.fallbacks++;
                    fails++;
                    fb += nb + REQUEST_BITS;
                }
                for (int i = 0; i < nb; i++) {
                    r[from + i] |= (int) ((got[i >>> 6] >>> (i & 63)) & 1) << b;
                }
            }
            chain.descend(b, r, n);
            stats.add(new PlaneStat(worker, layer, b, kind, n, sent + 32, fb, hBits, fails));
        }
        if (p != end) {
            throw bad(worker, layer, "bit-plane section ends at " + p + ", the frame at " + end);
        }
        for (int i = 0; i < n; i++) {
            q[i] = r[i] + qmin;
        }
    }

    /**
     * The SYNDROME blocks of one plane, decoded together: blocks that share a code (same n, B, M: all full
     * blocks of a plane, since the worker picks one length per plane) and need the same prefix go through
     * the 16-bit batch decoder in one call; in rate-adaptive mode each failed block asks for
     * {@link CeoCodes#adaptiveStep} more ladder bits (charged with a request) and joins the next call at its
     * new prefix, up to M. An attempt is given up after {@link #STALL_WINDOW} iterations without progress
     * (BatchSlepianWolfDecoder's stall window), so per block the outcome can differ from decoding it alone with
     * {@link SlepianWolfDecoder#fixedPoint()} only by a later ladder step (never a wrong block: syndrome and CRC).
     */
    final class SyndromePlane {
        private final int[] base;
        private final int[] max;
        private final int[] t;
        private final int[] crc;
        private final long[][] ladder;
        private int bytes;

        SyndromePlane(final int blocks) {
            base = new int[blocks];
            max = new int[blocks];
            t = new int[blocks];
            crc = new int[blocks];
            ladder = new long[blocks][];
        }

        /** Reads every block's header and ladder bits (lengths validated by sections()); returns the end. */
        int read(final DirectBuffer buf, final int pos, final int n, final int block) {
            int p = pos;
            for (int j = 0; j < base.length; j++) {
                base[j] = buf.getInt(p, ByteOrder.LITTLE_ENDIAN);
                max[j] = buf.getInt(p + 4, ByteOrder.LITTLE_ENDIAN);
                t[j] = buf.getInt(p + 8, ByteOrder.LITTLE_ENDIAN);
                crc[j] = buf.getInt(p + 12, ByteOrder.LITTLE_ENDIAN);
                ladder[j] = PlaneBits.read(buf, p + 16, t[j]);
                p += 16 + ((t[j] + 7) >>> 3);
            }
            bytes = p - pos;
            return p;
        }

        /** Fills bits[j] for every block that decodes (null otherwise); returns the ladder bits charged. */
        long decode(final float[] llr, final int n, final int block, final int worker, final long round,
                final int layer, final int plane, final BackChannel back, final long[][] bits, final Tally tally) {
            final int blocks = base.length;
            final int[] used = t.clone();
            final long[][] have = ladder.clone();
            final boolean[] done = new boolean[blocks];
            final float[][] blockLlr = new float[blocks][];
            for (int j = 0; j < blocks; j++) {
                final int from = j * block;
                blockLlr[j] = Arrays.copyOfRange(llr, from, Math.min(n, from + block));
            }
            final int lanes = BatchSlepianWolfDecoder.lanes();
            final int[] group = new int[lanes];
            long fb = 0;
            while (true) {
                // the first pending block, and with it every pending block of the same code and prefix
                int lead = -1;
                for (int j = 0; j < blocks && lead < 0; j++) {
                    if (!done[j]) {
                        lead = j;
                    }
                }
                if (lead < 0) {
                    return fb;
                }
                final int nb = blockLlr[lead].length;
                int size = 0;
                for (int j = lead; j < blocks && size < lanes; j++) {
                    if (!done[j] && blockLlr[j].length == nb && base[j] == base[lead] && max[j] == max[lead]
                            && used[j] == used[lead]) {
                        group[size++] = j;
                    }
                }
                final float[][] gl = new float[size][];
                final long[][] gh = new long[size][];
                final int[] gc = new int[size];
                for (int g = 0; g < size; g++) {
                    gl[g] = blockLlr[group[g]];
                    gh[g] = have[group[g]];
                    gc[g] = crc[group[g]];
                }
                final LadderCode code = CeoCodes.get(nb, base[lead], max[lead]);
                final BatchSlepianWolfDecoder.Outcome[] out = batch.decode(code, gl, gh, used[lead], gc);
                for (int g = 0; g < size; g++) {
                    final int j = group[g];
                    if (out[g].ok()) {
                        bits[j] = out[g].result().bits();
                        done[j] = true;
                    } else if (!spec.rateAdaptive() || used[j] >= max[j]) {
                        done[j] = true;
                    } else {
                        // rate-adaptive: ask for the next ladder bits (charged: the bits and the request)
                        final int next = Math.min(max[j], used[j] + CeoCodes.adaptiveStep(base[j]));
                        if (have[j] == ladder[j]) {
                            have[j] = Arrays.copyOf(ladder[j], SourceBlock.words(max[j]));
                        }
                        final int from = j * block;
                        final int b = base[j];
                        final int u = used[j];
                        PlaneBits.orAt(have[j], fetch(tally, next - u, () -> back.ladder(worker, round, layer, plane, from, nb, b, u, next)),
                                u, next - u);
                        fb += next - used[j] + REQUEST_BITS;
                        used[j] = next;
                    }
                }
            }
        }
    }

    /** Walks the frame's layer sections, validating every length, and returns their offsets (L + 1 of them). */
    private int[] sections(final DirectBuffer buf, final int end, final int worker) {
        final int layers = layout.layerCount();
        final int[] at = new int[layers + 1];
        int p = CeoFrame.HEADER_BYTES;
        for (int l = 0; l < layers; l++) {
            at[l] = p;
            need(p, 1, end, worker, l);
            final byte mode = buf.getByte(p);
            if (mode == CeoFrame.MODE_SILENT) {
                p += 1;
                continue;
            }
            need(p, 12, end, worker, l);
            final float step = buf.getFloat(p + 4, ByteOrder.LITTLE_ENDIAN);
            final int n = buf.getInt(p + 8, ByteOrder.LITTLE_ENDIAN);
            if (n != layout.size(l)) {
                throw new FrameException(FrameError.WRONG_LAYOUT, "ceo worker " + worker + " layer " + layout.name(l)
                        + ": " + n + " coordinates, the layout has " + layout.size(l));
            }
            if (!(step > 0) || Float.isInfinite(step)) {
                throw bad(worker, l, "step " + step + " is not finite and positive");
            }
            p += 12;
            if (mode == CeoFrame.MODE_ENTROPY) {
                need(p, 4, end, worker, l);
                final int c = buf.getInt(p, ByteOrder.LITTLE_ENDIAN);
                if (c < 1 || c > EntropyContexts.MAX) {
                    throw bad(worker, l, "context count " + c + " outside [1, " + EntropyContexts.MAX + "]");
                }
                need(p, 4 + 4L * c, end, worker, l);
                long total = 4 + 4L * c;
                for (int i = 0; i < c; i++) {
                    final int len = buf.getInt(p + 4 + 4 * i, ByteOrder.LITTLE_ENDIAN);
                    if (len < 0) {
                        throw bad(worker, l, "stream " + i + " length " + len);
                    }
                    total += len;
                }
                need(p, total, end, worker, l);
                p += (int) total;
            } else if (mode == CeoFrame.MODE_PLANES) {
                need(p, 8, end, worker, l);
                final int planes = buf.getInt(p + 4, ByteOrder.LITTLE_ENDIAN);
                if (planes < 1 || planes > 30) {
                    throw bad(worker, l, "plane count " + planes + " outside [1, 30]");
                }
                final long qmax = (long) buf.getInt(p, ByteOrder.LITTLE_ENDIAN) + (1L << planes) - 1;
                if (Math.abs((double) buf.getInt(p, ByteOrder.LITTLE_ENDIAN)) > CeoWorkerEncoder.MAX_INDEX + 1
                        || Math.abs((double) qmax) > 2 * CeoWorkerEncoder.MAX_INDEX + 2) {
                    throw bad(worker, l, "index range out of bounds");
                }
                p += 8;
                for (int b = 0; b < planes; b++) {
                    need(p, 4, end, worker, l);
                    final int kind = buf.getByte(p);
                    if (kind < 0 || kind >= PlaneKind.values().length) {
                        throw bad(worker, l, "plane kind " + kind);
                    }
                    p += 4;
                    for (int from = 0; from < n; from += spec.block()) {
                        final int nb = Math.min(spec.block(), n - from);
                        switch (PlaneKind.values()[kind]) {
                            case CHECK -> {
                                need(p, 4, end, worker, l);
                                p += 4;
                            }
                            case RAW -> {
                                need(p, (nb + 7) >>> 3, end, worker, l);
                                p += (nb + 7) >>> 3;
                            }
                            case SYNDROME -> {
                                need(p, 16, end, worker, l);
                                final int base = buf.getInt(p, ByteOrder.LITTLE_ENDIAN);
                                final int max = buf.getInt(p + 4, ByteOrder.LITTLE_ENDIAN);
                                final int t = buf.getInt(p + 8, ByteOrder.LITTLE_ENDIAN);
                                if (nb < CeoCodes.MIN_SYNDROME_BLOCK || base < 1 || max < base || max > nb
                                        || max > 2L * base || t < base || t > max) {
                                    throw bad(worker, l, "syndrome code (B=" + base + ", M=" + max + ", t=" + t
                                            + ") invalid for a block of " + nb);
                                }
                                need(p, 16 + ((t + 7L) >>> 3), end, worker, l);
                                p += 16 + ((t + 7) >>> 3);
                            }
                            default -> throw new IllegalStateException();
                        }
                    }
                }
            } else if (mode == CeoFrame.MODE_E8 && buf.getShort(4, ByteOrder.LITTLE_ENDIAN) == CeoFrame.VERSION_E8) {
                p = CeoE8Decoder.skip(buf, p, end, n, spec.block(), worker, layout.name(l));
            } else {
                throw bad(worker, l, "mode " + mode);
            }
        }
        at[layers] = p;
        if (p != end) {
            throw new FrameException(FrameError.MALFORMED, "ceo worker " + worker + ": " + (end - p)
                    + " bytes after the last layer");
        }
        return at;
    }

    private void need(final long p, final long bytes, final int end, final int worker, final int layer) {
        if (p + bytes > end) {
            throw new FrameException(FrameError.TRUNCATED, "ceo worker " + worker + " layer " + layout.name(layer)
                    + ": needs " + bytes + " bytes at " + p + ", the body ends at " + end);
        }
    }

    private FrameException bad(final int worker, final int layer, final String what) {
        return new FrameException(FrameError.BAD_PAYLOAD, "ceo worker " + worker + " layer " + layout.name(layer) + ": " + what);
    }
}
