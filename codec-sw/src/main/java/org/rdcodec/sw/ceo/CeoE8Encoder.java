package org.rdcodec.sw.ceo;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.agrona.ExpandableArrayBuffer;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.core.quant.Dither;
import org.rdcodec.core.quant.Lattice;
import org.rdcodec.core.quant.LatticeKernel;
import org.rdcodec.core.simd.VectorizationProvider;
import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.SourceBlock;
import org.rdcodec.sw.ldpc.SyndromeEncoder;

/**
 * The E8 layer section of a bit-plane worker ({@link CeoE8}, layout in {@link CeoFrame}): the full blocks of 8
 * coordinates are quantized on E8 with lattice step Delta = step / sqrt(12 G); the last n mod 8 coordinates
 * are quantized with the scalar step and the scalar dither and sent as int32 indices. The planes sent, in
 * order: the coset bits (one per block), then z's offset indices r = z - qmin most significant first, the
 * least significant plane in two parts: the bits of the first six coordinates of each block (with the parity
 * check's extrinsic information), then the seventh's (exact LLR given the six); the last coordinate's bit follows
 * from the parity and is not sent. Each plane is
 * cut into blocks of the spec's length and sent as CHECK, RAW or SYNDROME as the scalar planes are, the kind
 * chosen from the expected conditional entropy (the worker's sampled estimate, as in
 * {@link CeoWorkerEncoder}, here with the E8 model). Keeps the last round's planes for the back channel.
 * Not thread-safe.
 */
final class CeoE8Encoder {

    private static final LatticeKernel LATTICE = VectorizationProvider.getInstance().kernel(LatticeKernel.class);

    private final CeoWorkerEncoder owner;
    private final int worker;
    private final long seed;
    private final CeoSpec spec;
    /** [layer][plane id] the last round's plane bits (id {@link CeoE8#COSET_PLANE}: the coset bits). */
    private final long[][][] planes;
    private final int[][] lengths;
    /** Expected bits of the last section written (header, tail, planes), as the scalar planes' estimate counts them. */
    private double expectedBits;

    CeoE8Encoder(final CeoWorkerEncoder owner, final int layers, final long seed, final CeoSpec spec) {
        this.owner = owner;
        this.worker = owner.worker();
        this.seed = seed;
        this.spec = spec;
        this.planes = new long[layers][][];
        this.lengths = new int[layers][];
    }

    /** @return the expected bits of the last section written: its fixed parts plus each plane's expected cost */
    double expectedBits() {
        return expectedBits;
    }

    /** Forgets layer l's planes (a new round). */
    void clear(final int layer) {
        planes[layer] = null;
        lengths[layer] = null;
    }

    /** @return whether layer l of the last round was E8-coded */
    boolean holds(final int layer) {
        return layer >= 0 && layer < planes.length && planes[layer] != null;
    }

    /**
     * Bits [from, from + n) of one plane of the last round.
     *
     * @throws IllegalArgumentException if the plane or the range does not exist
     */
    long[] rawPlane(final int layer, final int plane, final int from, final int n) {
        if (plane < 0 || plane >= planes[layer].length || planes[layer][plane] == null) {
            throw new IllegalArgumentException("worker " + worker + ": layer " + layer + " has no E8 plane " + plane);
        }
        final int m = lengths[layer][plane];
        if (from < 0 || n < 0 || n > m - from) {
            throw new IllegalArgumentException("worker " + worker + ": bits [" + from + ", " + from + " + " + n + ") of E8 plane "
                    + plane + " outside its " + m + " bits (layer " + layer + ")");
        }
        return slice(planes[layer][plane], from, from + n);
    }

    /**
     * Whether every index of the E8 section stays within the index range for any dither, so the worker can fall
     * back to the scalar path (whose lattice step is about 7% finer, hence range about 7% wider) instead of
     * failing in {@link #encodeLayer}.
     *
     * @param y the layer's values from {@code off}
     * @param off first coordinate
     * @param n coordinates
     * @param step the plan's scalar step
     * @return true when {@link #encodeLayer} cannot throw OVERSIZED for this layer
     */
    static boolean fits(final float[] y, final int off, final int n, final float step) {
        final int ne = n / CeoE8.DIM * CeoE8.DIM;
        final double a = (float) CeoE8.latticeStep(step);
        for (int i = 0; i < ne; i++) {
            if (Math.abs(y[off + i] / a) > CeoWorkerEncoder.MAX_INDEX - 2) {
                return false;
            }
        }
        for (int i = ne; i < n; i++) {
            // |dither| <= 1/2, plus the 1/2 of the rounding
            if (Math.abs(y[off + i] / (double) step) + 1 > CeoWorkerEncoder.MAX_INDEX) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the E8 section after the common 12 bytes (mode, step, n already written by the caller).
     *
     * @return the end of the section
     */
    int encodeLayer(final float[] y, final int off, final int n, final float step, final int key, final CeoPlan plan,
            final int layer, final ExpandableArrayBuffer out, final int pos, final String layerName) {
        final int blocks = n / CeoE8.DIM;
        final int ne = blocks * CeoE8.DIM;
        final float a = (float) CeoE8.latticeStep(step);
        final float[] x = Arrays.copyOfRange(y, off, off + ne);
        for (int i = 0; i < ne; i++) {
            if (Math.abs(x[i] / (double) a) > CeoWorkerEncoder.MAX_INDEX - 2) {
                throw new FrameException(FrameError.OVERSIZED, "ceo worker " + worker + " layer " + layerName + " index " + i
                        + ": y / Delta = " + x[i] / (double) a + " exceeds 2^22 (step " + step + " too small)");
            }
        }
        final int[] twice = new int[ne];
        final float[] u = new float[ne];
        LATTICE.encode(Lattice.E8, x, blocks, 1f / a, key, twice, u);
        final long[] coset = new long[SourceBlock.words(blocks)];
        final int[] z = new int[ne];
        int zmin = Integer.MAX_VALUE;
        int zmax = Integer.MIN_VALUE;
        for (int b = 0; b < blocks; b++) {
            final int c = twice[b * CeoE8.DIM] & 1;
            if (c != 0) {
                coset[b >>> 6] |= 1L << (b & 63);
            }
            for (int i = b * CeoE8.DIM; i < (b + 1) * CeoE8.DIM; i++) {
                z[i] = (twice[i] - c) >> 1;
                zmin = Math.min(zmin, z[i]);
                zmax = Math.max(zmax, z[i]);
            }
        }
        final int nplanes = Math.max(1, 32 - Integer.numberOfLeadingZeros(zmax - zmin));
        final int[] r = new int[ne];
        for (int i = 0; i < ne; i++) {
            r[i] = z[i] - zmin;
        }
        int p = pos;
        expectedBits = 8.0 * (12 + 8 + 4 * (n - ne));
        out.checkLimit(p + 8 + 4 * (n - ne));
        out.putInt(p, zmin, ByteOrder.LITTLE_ENDIAN);
        out.putInt(p + 4, nplanes, ByteOrder.LITTLE_ENDIAN);
        p += 8;
        // the tail: scalar step and dither, as the scalar workers quantize
        for (int i = ne; i < n; i++) {
            final double s = y[off + i] / (double) step + Dither.centred(key, i) + 0.5;
            if (Math.abs(s) > CeoWorkerEncoder.MAX_INDEX) {
                throw new FrameException(FrameError.OVERSIZED, "ceo worker " + worker + " layer " + layerName + " index " + i
                        + ": y / step = " + s + " exceeds 2^22 (step " + step + " too small)");
            }
            out.putInt(p, (int) Math.floor(s), ByteOrder.LITTLE_ENDIAN);
            p += 4;
        }
        final double[][] est = estimates(y, off, blocks, r, twice, u, zmin, nplanes, a, key, plan, layer);
        final long[][] store = new long[CeoE8.COSET_PLANE + 1][];
        final int[] len = new int[CeoE8.COSET_PLANE + 1];
        store[CeoE8.COSET_PLANE] = coset;
        len[CeoE8.COSET_PLANE] = blocks;
        p = writePlane(coset, blocks, est[0][nplanes], est[1][nplanes], est[2][nplanes], out, p);
        for (int b = nplanes - 1; b >= 0; b--) {
            final long[] bits = b > 0 ? PlaneBits.extract(r, 0, ne, b) : lowBits(r, blocks, 0, CeoE8.LOW_FIRST);
            final int m = b > 0 ? ne : blocks * CeoE8.LOW_FIRST;
            store[b] = bits;
            len[b] = m;
            p = writePlane(bits, m, est[0][b], est[1][b], est[2][b], out, p);
        }
        final long[] pair = lowBits(r, blocks, CeoE8.LOW_FIRST, 1);
        store[CeoE8.PAIR_PLANE] = pair;
        len[CeoE8.PAIR_PLANE] = blocks;
        p = writePlane(pair, blocks, est[0][nplanes + 1], est[1][nplanes + 1], est[2][nplanes + 1], out, p);
        planes[layer] = store;
        lengths[layer] = len;
        return p;
    }

    /**
     * Bits [from, to) of w packed from bit 0: whole words when {@code from} is word-aligned (every block start of a
     * plane whose block length is a multiple of 64), else {@link PlaneBits#slice}.
     */
    static long[] slice(final long[] w, final int from, final int to) {
        if ((from & 63) != 0) {
            return PlaneBits.slice(w, from, to);
        }
        final int n = to - from;
        final long[] out = Arrays.copyOfRange(w, from >>> 6, (from >>> 6) + SourceBlock.words(n));
        if ((n & 63) != 0) {
            out[out.length - 1] &= (1L << (n & 63)) - 1;
        }
        return out;
    }

    /** Least significant bits of coordinates [first, first + count) of each block, block after block. */
    static long[] lowBits(final int[] r, final int blocks, final int first, final int count) {
        final int m = blocks * count;
        final long[] w = new long[SourceBlock.words(m)];
        int k = 0;
        for (int b = 0; b < blocks; b++) {
            for (int i = b * CeoE8.DIM + first, e = i + count; i < e; i++, k++) {
                if ((r[i] & 1) != 0) {
                    w[k >>> 6] |= 1L << (k & 63);
                }
            }
        }
        return w;
    }

    /** One plane of m bits in blocks of the spec's length: kind, then per block CRC, bits or syndrome. */
    private int writePlane(final long[] bits, final int m, final double h, final double disp, final double err,
            final ExpandableArrayBuffer out, final int pos) {
        final int block = spec.block();
        final int nb0 = Math.min(block, m);
        final int tail = m % block;
        final PlaneKind kind = tail > 0 && tail < CeoCodes.MIN_SYNDROME_BLOCK || nb0 < CeoCodes.MIN_SYNDROME_BLOCK
                ? owner.chooseWithoutSyndrome(nb0, err) : owner.choose(nb0, h, disp, err);
        int p = pos;
        out.checkLimit(p + 4);
        out.putInt(p, 0);
        out.putByte(p, kind.code());
        p += 4;
        final int blocks = (m + block - 1) / block;
        final long[][] parts = new long[blocks][];
        for (int j = 0; j < blocks; j++) {
            parts[j] = slice(bits, j * block, Math.min(m, (j + 1) * block));
        }
        final long[][] ladders = kind == PlaneKind.SYNDROME ? syndromes(parts, m, h, disp) : null;
        expectedBits += 32;
        for (int j = 0; j < blocks; j++) {
            final int nb = Math.min(block, m - j * block);
            expectedBits += switch (kind) {
                case CHECK -> CeoWorkerEncoder.CHECK_BITS + Math.min(1.0, nb * err) * (nb + CeoServerDecoder.REQUEST_BITS);
                case RAW -> 8 * ((nb + 7) / 8);
                case SYNDROME -> 128 + owner.syndromeBits(nb, h, disp);
            };
            switch (kind) {
                case CHECK -> {
                    out.checkLimit(p + 4);
                    out.putInt(p, SourceBlock.crc32c(parts[j], nb), ByteOrder.LITTLE_ENDIAN);
                    p += 4;
                }
                case RAW -> p += PlaneBits.write(parts[j], nb, out, p);
                case SYNDROME -> {
                    final int t = bitsFor(nb, h, disp);
                    final LadderCode code = code(nb, t);
                    out.checkLimit(p + 16);
                    out.putInt(p, code.baseChecks(), ByteOrder.LITTLE_ENDIAN);
                    out.putInt(p + 4, code.maxSyndromeBits(), ByteOrder.LITTLE_ENDIAN);
                    out.putInt(p + 8, t, ByteOrder.LITTLE_ENDIAN);
                    out.putInt(p + 12, SourceBlock.crc32c(parts[j], nb), ByteOrder.LITTLE_ENDIAN);
                    p += 16;
                    p += PlaneBits.write(ladders[j], t, out, p);
                }
                default -> throw new IllegalStateException(kind.toString());
            }
        }
        return p;
    }

    private int bitsFor(final int nb, final double h, final double disp) {
        return spec.rateAdaptive() ? owner.adaptiveBaseBits(nb, h, disp) : owner.syndromeBits(nb, h, disp);
    }

    private LadderCode code(final int nb, final int t) {
        return spec.rateAdaptive() ? CeoCodes.ladder(nb, t) : CeoCodes.code(nb, t);
    }

    /** Every block's ladder bits; the full blocks share one code and go through the bit-sliced batch encoder. */
    private long[][] syndromes(final long[][] parts, final int m, final double h, final double disp) {
        final int block = spec.block();
        final long[][] out = new long[parts.length][];
        final int full = m / block;
        for (int j0 = 0; j0 < full; j0 += SyndromeEncoder.BATCH) {
            final int count = Math.min(SyndromeEncoder.BATCH, full - j0);
            final long[][] in = Arrays.copyOfRange(parts, j0, j0 + count);
            final LadderCode code = code(block, bitsFor(block, h, disp));
            final long[][] got = count == 1 ? new long[][] {SyndromeEncoder.encode(code, in[0])}
                    : SyndromeEncoder.encodeBatch(code, in);
            System.arraycopy(got, 0, out, j0, count);
        }
        for (int j = full; j < parts.length; j++) {
            final int nb = m - j * block;
            out[j] = SyndromeEncoder.encode(code(nb, bitsFor(nb, h, disp)), parts[j]);
        }
        return out;
    }

    /**
     * Per plane (index = plane, {@code nplanes} = the coset plane, {@code nplanes + 1} the second low sub-plane) the expected conditional entropy, dispersion
     * and hard-decision error per bit, as {@link CeoWorkerEncoder}'s estimate: on sampled blocks the server's
     * mu is drawn from its law given y, and the server's LLRs are evaluated at the true values (coset first,
     * then z's planes given c, the least significant with the parity marginals).
     */
    private double[][] estimates(final float[] y, final int off, final int blocks, final int[] r, final int[] twice,
            final float[] u, final int zmin, final int nplanes, final double delta, final int key, final CeoPlan plan,
            final int layer) {
        final double sx2 = plan.sx2()[layer];
        final double sn2 = plan.sn2()[worker][layer];
        final double pa = plan.precisionBefore(worker, layer);
        final double v = 1 / (1 / sx2 + pa);
        final double s = Math.sqrt(v + sn2);
        final double varY = sx2 + sn2;
        final double cov = v * pa * sx2;
        final double cy = cov / varY;
        final double w = Math.sqrt(Math.max(0, v * v * (pa * pa * sx2 + pa) - cov * cov / varY));
        final double[][] series = CeoE8.seriesFactors(CeoE8.cosetSigma(s, delta));
        final double sz = CeoE8.planeSigma(s, delta);
        final BitPlaneModel model = new BitPlaneModel(nplanes, zmin);
        final SplittableRandom rng = new SplittableRandom(Dither.mix64(seed ^ 0x5E8L ^ key * 0x9E3779B97F4A7C15L));
        final int stride = Math.max(1, blocks / (CeoWorkerEncoder.SAMPLES / CeoE8.DIM));
        final double[][] est = new double[3][nplanes + 2];
        final double[] count = new double[nplanes + 2];
        final double[] mu = new double[CeoE8.DIM];
        final float[] ub = new float[CeoE8.DIM];
        final float[] llrs = new float[nplanes];
        final float[] lsb = new float[CeoE8.DIM];
        final float[] marg = new float[CeoE8.LOW_FIRST];
        final double[] scratch = new double[4];
        for (int b = 0; b < blocks; b += stride) {
            final int from = b * CeoE8.DIM;
            for (int i = 0; i < CeoE8.DIM; i++) {
                mu[i] = cy * y[off + from + i] + w * rng.nextGaussian();
                ub[i] = u[from + i];
            }
            final int c = twice[from] & 1;
            final float lc = CeoE8.cosetLlr(mu, ub, 0, delta, series, scratch);
            add(est, count, nplanes, c == 0 ? lc : -lc);
            for (int i = 0; i < CeoE8.DIM; i++) {
                model.chainLlrs(r[from + i], ub[i] - 0.5f * c, delta, mu[i], sz, llrs);
                for (int pl = nplanes - 1; pl >= 1; pl--) {
                    add(est, count, pl, ((r[from + i] >>> pl) & 1) == 0 ? llrs[pl] : -llrs[pl]);
                }
                lsb[i] = llrs[0];
            }
            CeoE8.parityMarginals(lsb, 0, marg, 0);
            int parity = 0;
            for (int i = 0; i < CeoE8.LOW_FIRST; i++) {
                add(est, count, 0, (r[from + i] & 1) == 0 ? marg[i] : -marg[i]);
                parity ^= r[from + i] & 1;
            }
            final float lp = CeoE8.pairLlr(lsb[CeoE8.LOW_FIRST], lsb[CeoE8.DIM - 1], parity);
            add(est, count, nplanes + 1, (r[from + CeoE8.LOW_FIRST] & 1) == 0 ? lp : -lp);
        }
        final double ln2 = Math.log(2);
        for (int pl = 0; pl <= nplanes + 1; pl++) {
            final double k = Math.max(1, count[pl]);
            est[0][pl] /= k * ln2;
            est[1][pl] /= k * ln2 * ln2;
            est[2][pl] /= k;
        }
        return est;
    }

    /**
     * One sample of a plane: {@code signed} is the LLR of the true value (positive when the model favours it).
     * Unlike the scalar estimate (minority probability of |L|), this counts the model's mismatch: a bit the
     * model gets wrong costs its full surprise -log2 P(true value), as it will in the decoder.
     */
    private static void add(final double[][] est, final double[] count, final int plane, final float signed) {
        final double l = signed;
        // P(true) = 1 / (1 + e^-l); surprise ln(1 + e^-l); hard-decision error when l < 0
        final double surprise = l > 0 ? Math.log1p(Math.exp(-l)) : -l + Math.log1p(Math.exp(l));
        est[0][plane] += surprise;
        // dispersion: variance of the surprise under the model, as the scalar estimate defines it
        final double abs = Math.abs(l);
        final double pw = 1 / (1 + Math.exp(abs));
        est[1][plane] += pw * (1 - pw) * abs * abs;
        // expected hard-decision error: the larger of the observed rate (the model favours the wrong value) and the
        // model's own minority probability (smooth where errors are too rare to be seen in the samples)
        est[2][plane] += Math.max(l < 0 ? 1 : l == 0 ? 0.5 : 0, pw);
        count[plane]++;
    }
}
