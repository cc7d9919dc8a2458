package org.rdcodec.sw.ceo;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.agrona.ExpandableArrayBuffer;
import org.rdcodec.core.entropy.EntropyCapacityException;
import org.rdcodec.core.entropy.RansEncoder;
import org.rdcodec.core.entropy.RansFormat;
import org.rdcodec.core.frame.Crc32cChecksum;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Dither;
import org.rdcodec.core.quant.NonFiniteGradientException;
import org.rdcodec.core.simd.VectorizationProvider;
import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.RateChoice;
import org.rdcodec.sw.ldpc.SourceBlock;
import org.rdcodec.sw.ldpc.SyndromeEncoder;

/**
 * One worker of the CEO codec. Per layer, subtractive dithered scalar quantization with the planned step,
 * q = floor(y / step + u + 1/2) with the shared dither u (so yhat = (q - u) step = y + E, E uniform of
 * variance step^2/12, independent of y). The first worker in the decoding order (and every worker in a
 * bootstrap round) entropy-codes q (rANS, split by dither bin). The others send the offset indices
 * r = q - qmin bit-plane by bit-plane, most significant first; per plane the worker estimates what the
 * server's side information will leave of it (below) and picks the cheapest of: a CRC only (CHECK), LDPC
 * syndrome bits (SYNDROME, feedback-free: margin x the LDPC layer's rate choice for that entropy), or the
 * bits (RAW). If the planes' expected total exceeds the entropy-coded size (weak side information, short
 * blocks), the worker entropy-codes instead. Frame layout: {@link CeoFrame}.
 *
 * <p><b>Rate estimate.</b> The server will see Y_k | side ~ N(mu, v + sn2_k) with mu the MMSE estimate from
 * the workers before k. All of it is Gaussian, so given the worker's own y the server's mu is
 * N(c y, w^2) with c = v A sx2 / (sx2 + sn2_k), w^2 = v^2 (A^2 sx2 + A) - (v A sx2)^2 / (sx2 + sn2_k),
 * A = sum_{j before k} 1/(sn2_j + sv2_j), v = 1 / (1/sx2 + A) (estimated statistics from the plan). On up to
 * {@link #SAMPLES} coordinates the worker draws mu from that law and evaluates the plane's LLR
 * ({@link BitPlaneModel}) at its true prefix: the mean binary entropy of the minority probability is the
 * plane's expected conditional entropy H, the mean minority probability its expected hard-decision error.
 *
 * <p>Keeps the last round's indices so that the server can ask for a plane's raw bits after a failure.
 * Not thread-safe.
 */
public final class CeoWorkerEncoder {

    /** Coordinates sampled per layer for the per-plane entropy estimate (standard error ~1% of H). */
    public static final int SAMPLES = 16384;

    /** Bits a CHECK block costs before any fallback: its CRC-32C. */
    static final int CHECK_BITS = 32;

    /** Above this fraction of the block, syndrome bits buy too little over raw bits (and risk a fallback). */
    static final double RAW_FRACTION = 0.9;

    /** Largest |q|: y / step must stay far inside int (and float keeps unit resolution up to 2^24). */
    static final double MAX_INDEX = 1 << 22;

    private static final CeoQuantizerKernel QUANTIZER = VectorizationProvider.getInstance().kernel(CeoQuantizerKernel.class);

    private final GradientLayout layout;
    private final int worker;
    private final long seed;
    private final CeoSpec spec;
    private final RansEncoder rans = new RansEncoder();
    private final int[][] lastR;
    private long lastRound = -1;
    private final Map<LadderKey, long[]> ladderCache = new HashMap<>();
    /** The rate estimate's samples and their LLR chain (kept between layers and rounds). */
    private final PlaneLlrChain sampleChain = new PlaneLlrChain();
    private int[] sampleR = new int[0];
    private float[] sampleU = new float[0];
    private double[] sampleMu = new double[0];
    private float[] sampleLlr = new float[0];
    /** The E8 sections ({@code quantizer=e8}), created on first use. */
    private CeoE8Encoder e8;

    /** One block's rate-adaptive ladder of the last round. */
    private record LadderKey(int layer, int plane, int from, int base) {
    }

    /**
     * @param layout the gradient layout
     * @param worker k
     * @param seed the shared seed
     * @param spec the codec spec
     */
    public CeoWorkerEncoder(final GradientLayout layout, final int worker, final long seed, final CeoSpec spec) {
        this.layout = layout;
        this.worker = worker;
        this.seed = seed;
        this.spec = spec;
        this.lastR = new int[layout.layerCount()][];
    }

    /** @return k */
    public int worker() {
        return worker;
    }

    /**
     * @param y the worker's gradient, layout.totalSize() values
     * @param plan the round's plan
     * @return the frame
     * @throws NonFiniteGradientException on NaN or infinity (layer and index)
     */
    public byte[] encode(final float[] y, final CeoPlan plan) {
        layout.requireTotal(y.length, "ceo worker " + worker + " gradient");
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(CeoFrame.HEADER_BYTES + 1024);
        out.putInt(0, CeoFrame.MAGIC, ByteOrder.LITTLE_ENDIAN);
        out.putShort(4, CeoFrame.VERSION, ByteOrder.LITTLE_ENDIAN);
        out.putShort(6, (short) layout.layerCount(), ByteOrder.LITTLE_ENDIAN);
        out.putInt(8, worker, ByteOrder.LITTLE_ENDIAN);
        out.putLong(12, plan.round(), ByteOrder.LITTLE_ENDIAN);
        int pos = CeoFrame.HEADER_BYTES;
        boolean anyE8 = false;
        for (int l = 0; l < layout.layerCount(); l++) {
            pos = encodeLayer(y, l, plan, out, pos);
            anyE8 |= e8 != null && e8.holds(l);
        }
        if (anyE8) {
            out.putShort(4, CeoFrame.VERSION_E8, ByteOrder.LITTLE_ENDIAN);
        }
        out.putInt(20, pos - CeoFrame.HEADER_BYTES, ByteOrder.LITTLE_ENDIAN);
        out.checkLimit(pos + CeoFrame.TRAILER_BYTES);
        out.putInt(pos, Crc32cChecksum.compute(out, 0, pos), ByteOrder.LITTLE_ENDIAN);
        lastRound = plan.round();
        ladderCache.clear();
        final byte[] frame = new byte[pos + CeoFrame.TRAILER_BYTES];
        out.getBytes(0, frame);
        return frame;
    }

    /**
     * The raw bits of one block of one plane of the last round (the fallback after a failed decode).
     *
     * @param round the round (must be the last encoded)
     * @param layer l
     * @param plane bit index
     * @param from first coordinate of the block within the layer
     * @param n block length
     * @return the packed bits
     */
    public long[] rawPlane(final long round, final int layer, final int plane, final int from, final int n) {
        if (round == lastRound && e8 != null && e8.holds(layer)) {
            return e8.rawPlane(layer, plane, from, n);
        }
        if (layer < 0 || layer >= lastR.length || round != lastRound || lastR[layer] == null) {
            throw new IllegalStateException("worker " + worker + " holds no planes of round " + round + " layer " + layer);
        }
        if (from < 0 || n < 0 || n > lastR[layer].length - from || plane < 0 || plane > 31) {
            throw new IllegalArgumentException("worker " + worker + ": bits [" + from + ", " + from + " + " + n + ") of plane "
                    + plane + " outside layer " + layer + " (" + lastR[layer].length + " coordinates)");
        }
        return PlaneBits.extract(lastR[layer], from, n, plane);
    }

    private int encodeLayer(final float[] y, final int layer, final CeoPlan plan, final ExpandableArrayBuffer out, final int pos) {
        final int off = layout.offset(layer);
        final int n = layout.size(layer);
        lastR[layer] = null;
        if (e8 != null) {
            e8.clear(layer);
        }
        double step = plan.step()[worker][layer];
        final int position = plan.position(worker, layer);
        out.checkLimit(pos + 32);
        if (position < 0 || step == 0) {
            out.putByte(pos, CeoFrame.MODE_SILENT);
            out.putByte(pos + 1, (byte) 0);
            out.putShort(pos + 2, (short) 0);
            return pos + 1;
        }
        double m2 = 0;
        for (int i = 0; i < n; i++) {
            final float v = y[off + i];
            if (!Float.isFinite(v)) {
                throw new NonFiniteGradientException("ceo worker " + worker + ": layer " + layout.name(layer) + " index " + i
                        + " is " + v, layer, i);
            }
            m2 += (double) v * v;
        }
        m2 /= Math.max(1, n);
        if (Double.isNaN(step)) {
            // bootstrap: fine enough that the round's statistics are good, sv2 = E[y^2] / 16
            step = Math.sqrt(12 * m2 / 16);
        }
        if (!(step > 0) || Float.isInfinite((float) step)) {
            step = 1; // an all-zero layer: any step gives index 0
        }
        final float fstep = (float) step;
        final int key = Dither.key(seed, plan.round(), worker, layer, Dither.STREAM_DITHER);
        if (spec.e8() && !plan.bootstrap() && position > 0 && n >= CeoE8.MIN_LAYER && CeoE8Encoder.fits(y, off, n, fstep)) {
            if (e8 == null) {
                e8 = new CeoE8Encoder(this, layout.layerCount(), seed, spec);
            }
            out.putInt(pos, 0);
            out.putByte(pos, CeoFrame.MODE_E8);
            out.putFloat(pos + 4, fstep, ByteOrder.LITTLE_ENDIAN);
            out.putInt(pos + 8, n, ByteOrder.LITTLE_ENDIAN);
            // weak side information or coarse steps: the E8 planes' expected cost (the coset bit alone is up to
            // 1/8 bit per coordinate) can exceed the scalar path's, planes or rANS. The choice changes the
            // reconstruction, so it is made with a stand-in dither (STREAM_CHOICE), independent of the real one:
            // the error's mean given y then stays exactly zero. Costs one extra E8 pass on E8 layers.
            final int choiceKey = Dither.key(seed, plan.round(), worker, layer, Dither.STREAM_CHOICE);
            e8.encodeLayer(y, off, n, fstep, choiceKey, plan, layer, out, pos + 12, layout.name(layer));
            if (e8.expectedBits() <= scalarCostEstimate(y, off, n, fstep, choiceKey, Math.sqrt(m2), plan, layer)) {
                return e8.encodeLayer(y, off, n, fstep, key, plan, layer, out, pos + 12, layout.name(layer));
            }
            e8.clear(layer);
        }
        final int[] q = new int[n];
        final int[] hash = new int[n];
        final long range = QUANTIZER.quantize(y, off, n, fstep, key, MAX_INDEX, q, hash);
        if (range < 0) {
            final int i = (int) (-1 - range);
            final double s = y[off + i] / (double) fstep + Dither.centred(key, i) + 0.5;
            throw new FrameException(FrameError.OVERSIZED, "ceo worker " + worker + " layer " + layout.name(layer)
                    + " index " + i + ": y / step = " + s + " exceeds 2^22 (step " + fstep + " too small)");
        }
        final int qmin = CeoQuantizerKernel.min(range);
        final int qmax = CeoQuantizerKernel.max(range);
        out.putInt(pos, 0);
        out.putFloat(pos + 4, fstep, ByteOrder.LITTLE_ENDIAN);
        out.putInt(pos + 8, n, ByteOrder.LITTLE_ENDIAN);
        if (plan.bootstrap() || position == 0) {
            out.putByte(pos, CeoFrame.MODE_ENTROPY);
            return writeEntropy(q, n, key, fstep, Math.sqrt(m2), out, pos + 12, layer);
        }
        final int planes = Math.max(1, 32 - Integer.numberOfLeadingZeros(qmax - qmin));
        final int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = q[i] - qmin;
        }
        final double[][] est = planeEstimates(r, n, planes, qmin, y, off, key, fstep, plan, layer);
        final double planeBits = expectedPlaneBits(n, planes, est);
        final int contexts = EntropyContexts.count(n, fstep, Math.sqrt(m2));
        // entropy coding (it needs q as is) only when it might be cheaper than the planes' expected cost: its
        // size is never below the indices' empirical entropy given the context, so below that bound it is skipped
        if (planeBits > entropyLowerBound(r, n, qmax - qmin, hash, contexts)) {
            out.putByte(pos, CeoFrame.MODE_ENTROPY);
            final int entropyEnd = writeEntropy(q, n, key, fstep, Math.sqrt(m2), out, pos + 12, layer);
            if (8.0 * (entropyEnd - pos - 12) <= planeBits) {
                return entropyEnd;
            }
        }
        out.putByte(pos, CeoFrame.MODE_PLANES);
        lastR[layer] = r;
        out.putInt(pos + 12, qmin, ByteOrder.LITTLE_ENDIAN);
        out.putInt(pos + 16, planes, ByteOrder.LITTLE_ENDIAN);
        return writePlanes(r, n, planes, est, out, pos + 20);
    }

    /**
     * A lower bound on the bits {@link #writeEntropy} produces: rANS with a static per-context table (escapes
     * included) is a code whose lengths satisfy Kraft's inequality, so it spends at least the empirical
     * entropy of the indices given their dither context, n H^(q | c); {@link #ENTROPY_BOUND_SLACK} covers the
     * coder's final states, which can come out a few bytes under the sum of code lengths. Returns 0 (no
     * bound) when the index range is too wide for a histogram.
     */
    private static double entropyLowerBound(final int[] r, final int n, final int range, final int[] hash,
            final int contexts) {
        if (range >= MAX_HISTOGRAM || n == 0) {
            return 0;
        }
        final int width = range + 1;
        final int size = contexts * width;
        // four interleaved histograms: consecutive equal bins no longer wait on each other's increment (a
        // store-to-load chain), and the context totals come from the rows afterwards
        final int[] hist = new int[HISTOGRAM_COPIES * size];
        final int bound = n - n % HISTOGRAM_COPIES;
        for (int i = 0; i < bound; i += HISTOGRAM_COPIES) {
            // EntropyContexts.of(key, i, contexts), from the quantizer's hash
            hist[bin(hash[i], r[i], contexts, width)]++;
            hist[size + bin(hash[i + 1], r[i + 1], contexts, width)]++;
            hist[2 * size + bin(hash[i + 2], r[i + 2], contexts, width)]++;
            hist[3 * size + bin(hash[i + 3], r[i + 3], contexts, width)]++;
        }
        for (int i = bound; i < n; i++) {
            hist[bin(hash[i], r[i], contexts, width)]++;
        }
        for (int v = 0; v < size; v++) {
            hist[v] += hist[size + v] + hist[2 * size + v] + hist[3 * size + v];
        }
        final int[] total = new int[contexts];
        for (int c = 0; c < contexts; c++) {
            for (int v = c * width, e = v + width; v < e; v++) {
                total[c] += hist[v];
            }
        }
        double bits = 0;
        for (int c = 0; c < contexts; c++) {
            final double logTotal = Math.log(Math.max(1, total[c]));
            for (int v = c * width, e = v + width; v < e; v++) {
                if (hist[v] > 0) {
                    bits += hist[v] * (logTotal - Math.log(hist[v]));
                }
            }
        }
        return ENTROPY_BOUND_FRACTION * bits / Math.log(2) - (double) contexts * STATE_SLACK_BITS;
    }

    /** The histogram bin of an index: its context (EntropyContexts.of from the dither hash) times width plus r. */
    private static int bin(final int hash, final int r, final int contexts, final int width) {
        return (int) (((long) (hash >>> 8) * contexts) >>> 24) * width + r;
    }

    /** Interleaved copies of the histogram in {@link #entropyLowerBound}. */
    private static final int HISTOGRAM_COPIES = 4;

    /**
     * What the scalar path would be expected to cost: the smaller of its bit-planes' expected bits (the same
     * estimate it decides with) and the indices' empirical entropy given their dither context (what rANS would
     * spend, up to its tables and states); +infinity when there is no estimate (an index out of range: the scalar
     * path would refuse the step anyway).
     */
    private double scalarCostEstimate(final float[] y, final int off, final int n, final float step, final int key,
            final double rms, final CeoPlan plan, final int layer) {
        final int[] q = new int[n];
        final int[] hash = new int[n];
        final long range = QUANTIZER.quantize(y, off, n, step, key, MAX_INDEX, q, hash);
        if (range < 0) {
            return Double.POSITIVE_INFINITY;
        }
        final int qmin = CeoQuantizerKernel.min(range);
        final int width = CeoQuantizerKernel.max(range) - qmin;
        for (int i = 0; i < n; i++) {
            q[i] -= qmin;
        }
        final int planes = Math.max(1, 32 - Integer.numberOfLeadingZeros(width));
        final double planeBits = expectedPlaneBits(n, planes, planeEstimates(q, n, planes, qmin, y, off, key, step, plan, layer));
        final int contexts = EntropyContexts.count(n, step, rms);
        final double bound = entropyLowerBound(q, n, width, hash, contexts);
        return bound > 0 ? Math.min(planeBits, (bound + contexts * STATE_SLACK_BITS) / ENTROPY_BOUND_FRACTION) : planeBits;
    }

    /** Widest index range for which {@link #entropyLowerBound} builds a histogram (contexts x range ints). */
    private static final int MAX_HISTOGRAM = 1 << 16;

    /**
     * Fraction of the empirical entropy taken as the bound: 3% below it, for the rounding of the bound's own
     * floating-point sum and as a guard (the decision compares with the planes' estimate, so a looser bound
     * only means rANS runs a little more often, never a different choice).
     */
    private static final double ENTROPY_BOUND_FRACTION = 0.97;

    /**
     * Bits one context's stream can come out under its sum of code lengths: its interleaved states start at
     * 2^16 each, so at most that many bits per state (taken as 32, generously).
     */
    private static final double STATE_SLACK_BITS = RansFormat.STATES * 32.0;

    /** Expected bits of the bit-plane section after the common 12 bytes: qmin, planes, kinds, blocks. */
    private double expectedPlaneBits(final int n, final int planes, final double[][] est) {
        double bits = 64;
        final int block = spec.block();
        for (int b = planes - 1; b >= 0; b--) {
            bits += 32;
            final PlaneKind kind = choose(Math.min(block, n), est[0][b], est[1][b], est[2][b]);
            for (int from = 0; from < n; from += block) {
                final int nb = Math.min(block, n - from);
                bits += switch (kind) {
                    case CHECK -> CHECK_BITS + Math.min(1.0, nb * est[2][b]) * (nb + CeoServerDecoder.REQUEST_BITS);
                    case RAW -> 8 * ((nb + 7) / 8);
                    case SYNDROME -> 128 + syndromeBits(nb, est[0][b], est[1][b]);
                };
            }
        }
        return bits;
    }

    private int writeEntropy(final int[] q, final int n, final int key, final float step, final double rms,
            final ExpandableArrayBuffer out, final int pos, final int layer) {
        final int contexts = EntropyContexts.count(n, step, rms);
        final int[] grouped = new int[n];
        final int[] counts = EntropyContexts.group(q, n, key, contexts, grouped);
        out.checkLimit(pos + 4 + 4 * contexts);
        out.putInt(pos, contexts, ByteOrder.LITTLE_ENDIAN);
        int p = pos + 4 + 4 * contexts;
        int from = 0;
        for (int c = 0; c < contexts; c++) {
            out.checkLimit((int) Math.min(Integer.MAX_VALUE - 8, p + RansEncoder.maxEncodedLength(counts[c])));
            final int len;
            try {
                len = rans.encode(grouped, from, counts[c], out, p, out.capacity() - p);
            } catch (final EntropyCapacityException e) {
                throw new FrameException(FrameError.OVERSIZED, "ceo worker " + worker + " layer " + layout.name(layer)
                        + ": " + e.getMessage(), e);
            }
            out.putInt(pos + 4 + 4 * c, len, ByteOrder.LITTLE_ENDIAN);
            p += len;
            from += counts[c];
        }
        return p;
    }

    private int writePlanes(final int[] r, final int n, final int planes, final double[][] est,
            final ExpandableArrayBuffer out, final int pos) {
        final int block = spec.block();
        int p = pos;
        for (int b = planes - 1; b >= 0; b--) {
            final double h = est[0][b];
            final double disp = est[1][b];
            final double err = est[2][b];
            // decide on a full block; the last, shorter block follows the same kind
            final int nb0 = Math.min(block, n);
            final int tail = n % block;
            final PlaneKind kind = tail > 0 && tail < CeoCodes.MIN_SYNDROME_BLOCK
                    ? chooseWithoutSyndrome(nb0, err) : choose(nb0, h, disp, err);
            out.checkLimit(p + 4);
            out.putInt(p, 0);
            out.putByte(p, kind.code());
            p += 4;
            final int blocks = (n + block - 1) / block;
            final long[][] bits = new long[blocks][];
            for (int j = 0; j < blocks; j++) {
                bits[j] = PlaneBits.extract(r, j * block, Math.min(block, n - j * block), b);
            }
            final long[][] ladders = kind == PlaneKind.SYNDROME ? syndromes(bits, n, h, disp) : null;
            for (int j = 0; j < blocks; j++) {
                final int nb = Math.min(block, n - j * block);
                switch (kind) {
                    case CHECK -> {
                        out.checkLimit(p + 4);
                        out.putInt(p, SourceBlock.crc32c(bits[j], nb), ByteOrder.LITTLE_ENDIAN);
                        p += 4;
                    }
                    case RAW -> p += PlaneBits.write(bits[j], nb, out, p);
                    case SYNDROME -> {
                        final int t = spec.rateAdaptive() ? adaptiveBaseBits(nb, h, disp) : syndromeBits(nb, h, disp);
                        final LadderCode code = planeCode(nb, t);
                        out.checkLimit(p + 16);
                        out.putInt(p, code.baseChecks(), ByteOrder.LITTLE_ENDIAN);
                        out.putInt(p + 4, code.maxSyndromeBits(), ByteOrder.LITTLE_ENDIAN);
                        out.putInt(p + 8, t, ByteOrder.LITTLE_ENDIAN);
                        out.putInt(p + 12, SourceBlock.crc32c(bits[j], nb), ByteOrder.LITTLE_ENDIAN);
                        p += 16;
                        p += PlaneBits.write(ladders[j], t, out, p);
                    }
                    default -> throw new IllegalStateException(kind.toString());
                }
            }
        }
        return p;
    }

    private LadderCode planeCode(final int nb, final int t) {
        return spec.rateAdaptive() ? CeoCodes.ladder(nb, t) : CeoCodes.code(nb, t);
    }

    /**
     * Every block's ladder bits, as many as the frame carries. The full blocks of a plane share one code (one
     * syndrome length per plane), so they go through the bit-sliced {@link SyndromeEncoder#encodeBatch}, 64 at a
     * time; a shorter last block has its own code and is encoded alone. Rate-adaptive frames carry only the
     * ladder's first B bits, which are the base matrix's syndrome (a split check's halves add up to the check
     * it came from), so those blocks are encoded with the base alone ({@link #sentSyndromes}): the same bits without
     * the 2B half-row syndromes and their reordering into the ladder.
     */
    private long[][] syndromes(final long[][] bits, final int n, final double h, final double disp) {
        final int block = spec.block();
        final int blocks = bits.length;
        final long[][] out = new long[blocks][];
        final int full = n / block;
        for (int j0 = 0; j0 < full; j0 += SyndromeEncoder.BATCH) {
            final int count = Math.min(SyndromeEncoder.BATCH, full - j0);
            final long[][] in = Arrays.copyOfRange(bits, j0, j0 + count);
            final int t = spec.rateAdaptive() ? adaptiveBaseBits(block, h, disp) : syndromeBits(block, h, disp);
            final long[][] got = sentSyndromes(planeCode(block, t), t, in);
            System.arraycopy(got, 0, out, j0, count);
        }
        for (int j = full; j < blocks; j++) {
            final int nb = n - j * block;
            final int t = spec.rateAdaptive() ? adaptiveBaseBits(nb, h, disp) : syndromeBits(nb, h, disp);
            out[j] = sentSyndromes(planeCode(nb, t), t, new long[][] {bits[j]})[0];
        }
        return out;
    }

    /**
     * The syndromes the frame carries for blocks sharing one code: in rate-adaptive mode, when the frame carries
     * at most the ladder's B base bits, the base matrix's syndrome (equal to the ladder's first B bits; the rest
     * travel only on request, through {@link #ladder}); otherwise (feedback-free frames carry all M bits, and any
     * frame carrying more than B) all of the ladder's bits.
     */
    private long[][] sentSyndromes(final LadderCode code, final int t, final long[][] in) {
        if (spec.rateAdaptive() && t <= code.baseChecks()) {
            return in.length == 1 ? new long[][] {SyndromeEncoder.syndrome(code.base(), in[0])}
                    : SyndromeEncoder.syndromeBatch(code.base(), in);
        }
        return in.length == 1 ? new long[][] {SyndromeEncoder.encode(code, in[0])} : SyndromeEncoder.encodeBatch(code, in);
    }


    /**
     * Rate-adaptive: the frame carries the ladder's base B = margin x the LDPC layer's measured base for that
     * entropy (just below where most blocks decode), on the grid; the server asks for more if it must.
     */
    int adaptiveBaseBits(final int nb, final double h, final double disp) {
        final double want = spec.margin() * RateChoice.adaptiveBaseBits(nb, h, disp);
        return CeoCodes.gridBits(nb, (int) Math.ceil(want));
    }

    /**
     * The whole rate-adaptive ladder of one block of one plane of the last round (the server's request for
     * more syndrome bits; it is charged only the bits it uses).
     *
     * @param round the round (must be the last encoded)
     * @param layer l
     * @param plane bit index
     * @param from first coordinate of the block
     * @param n block length
     * @param base B of the block's ladder
     * @param bitFrom first ladder bit wanted
     * @param bitTo one past the last (at most M)
     * @return ladder bits [bitFrom, bitTo) packed from bit 0 (the whole ladder is encoded once per block and kept
     *     until the next round)
     */
    public long[] ladder(final long round, final int layer, final int plane, final int from, final int n, final int base,
            final int bitFrom, final int bitTo) {
        final LadderKey key = new LadderKey(layer, plane, from, base);
        long[] all = ladderCache.get(key);
        if (all == null) {
            // the block's bits first: they check round, layer and range before any code is built for (n, base)
            final long[] bits = rawPlane(round, layer, plane, from, n);
            if (n < CeoCodes.MIN_SYNDROME_BLOCK || base < 1 || base > n) {
                throw new IllegalArgumentException("worker " + worker + ": no ladder for a block of " + n + " bits with base "
                        + base + " (layer " + layer + " plane " + plane + " block at " + from + ")");
            }
            all = SyndromeEncoder.encode(CeoCodes.ladder(n, base), bits);
            ladderCache.put(key, all);
        }
        final int m = Math.min(n, 2 * base);
        if (bitFrom < 0 || bitTo > m || bitFrom > bitTo) {
            throw new IllegalArgumentException("worker " + worker + ": ladder bits [" + bitFrom + ", " + bitTo
                    + ") outside the ladder of " + m + " bits (layer " + layer + " plane " + plane + " block at " + from + ")");
        }
        return PlaneBits.slice(all, bitFrom, bitTo);
    }

    /** Grid syndrome length for a block: margin x the LDPC layer's feedback-free rate choice. */
    int syndromeBits(final int nb, final double h, final double disp) {
        final double want = spec.margin() * RateChoice.feedbackFreeBits(nb, h, disp);
        return CeoCodes.gridBits(nb, (int) Math.ceil(want));
    }

    /**
     * Cheapest expected cost: CHECK costs 32 bits plus, with probability ~ nb err (the expected number of
     * hard-decision errors), a raw fallback of nb bits; SYNDROME its grid bits; RAW nb bits.
     */
    PlaneKind choose(final int nb, final double h, final double disp, final double err) {
        final int t = syndromeBits(nb, h, disp);
        final double checkCost = CHECK_BITS + Math.min(1.0, nb * err) * nb;
        if (checkCost <= Math.min(t, nb)) {
            return PlaneKind.CHECK;
        }
        if (t >= RAW_FRACTION * nb) {
            return PlaneKind.RAW;
        }
        return PlaneKind.SYNDROME;
    }

    /** CHECK or RAW, whichever is expected cheaper (a plane whose last block is too short for a syndrome code). */
    PlaneKind chooseWithoutSyndrome(final int nb, final double err) {
        return CHECK_BITS + Math.min(1.0, nb * err) * nb <= nb ? PlaneKind.CHECK : PlaneKind.RAW;
    }

    /** Per plane: expected conditional entropy, dispersion and hard-decision error per bit (class comment). */
    private double[][] planeEstimates(final int[] r, final int n, final int planes, final int qmin, final float[] y,
            final int off, final int key, final float step, final CeoPlan plan, final int layer) {
        final double sx2 = plan.sx2()[layer];
        final double sn2 = plan.sn2()[worker][layer];
        final double a = plan.precisionBefore(worker, layer);
        final double v = 1 / (1 / sx2 + a);
        final double s = Math.sqrt(v + sn2);
        final double varY = sx2 + sn2;
        final double cov = v * a * sx2;
        final double c = cov / varY;
        final double w = Math.sqrt(Math.max(0, v * v * (a * a * sx2 + a) - cov * cov / varY));
        final BitPlaneModel model = new BitPlaneModel(planes, qmin);
        final SplittableRandom rng = new SplittableRandom(Dither.mix64(seed ^ plan.round() * 0x9E3779B97F4A7C15L ^ worker * 31L + layer));
        final int stride = Math.max(1, n / SAMPLES);
        final int count = (n + stride - 1) / stride;
        if (sampleR.length < count) {
            sampleR = new int[count];
            sampleU = new float[count];
            sampleMu = new double[count];
            sampleLlr = new float[count];
        }
        for (int k = 0, i = 0; k < count; k++, i += stride) {
            sampleMu[k] = c * y[off + i] + w * rng.nextGaussian();
            sampleU[k] = Dither.centred(key, i);
            sampleR[k] = r[i];
        }
        // every sample's planes, each at its true prefix: the server's chain (same kernel) on the samples
        final double[][] est = new double[3][planes];
        final double[] sums = new double[3];
        sampleChain.start(count);
        for (int b = planes - 1; b >= 0; b--) {
            sampleChain.llrs(model, b, sampleR, sampleU, step, sampleMu, s, count, sampleLlr);
            // minority probability pw = e / (1 + e), e = exp(-|L|); then ln((1 - pw) / pw) = |L| exactly, so
            // h_b(pw) = (|L| pw + ln(1 + e)) / ln 2 and the dispersion pw (1 - pw) (|L| / ln 2)^2 need no
            // further logarithms (RateChoice's binaryEntropy and bitDispersion, rearranged); the expected
            // hard-decision error is pw (the less likely value occurs with probability pw)
            PlaneLlrChain.moments(sampleLlr, count, sums);
            est[0][b] = sums[0];
            est[1][b] = sums[1];
            est[2][b] = sums[2];
            sampleChain.descend(b, sampleR, count);
        }
        final double ln2 = Math.log(2);
        for (int b = 0; b < planes; b++) {
            est[0][b] /= Math.max(1, count) * ln2;
            est[1][b] /= Math.max(1, count) * ln2 * ln2;
            est[2][b] /= Math.max(1, count);
        }
        return est;
    }
}
