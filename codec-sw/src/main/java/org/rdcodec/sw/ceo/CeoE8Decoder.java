package org.rdcodec.sw.ceo;

import java.nio.ByteOrder;
import java.util.List;
import org.agrona.DirectBuffer;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.core.quant.Dither;
import org.rdcodec.core.quant.Lattice;
import org.rdcodec.core.quant.LatticeKernel;
import org.rdcodec.core.simd.VectorizationProvider;
import org.rdcodec.sw.ldpc.SourceBlock;

/**
 * The server's side of an E8 layer section ({@link CeoE8}, layout in {@link CeoFrame}): the coset bits from
 * their block LLRs, then z's planes with the scalar plane model at the dither u - c/2 ({@link PlaneLlrChain}),
 * the least significant plane in two parts with each block's parity (its last bit restored from the other seven), and the
 * reconstruction yhat = (z + c/2 - u) Delta, exact whatever the side information was: every plane is checked by
 * syndrome and CRC, and a block that fails is fetched raw. Not thread-safe.
 */
final class CeoE8Decoder {

    private static final LatticeKernel LATTICE = VectorizationProvider.getInstance().kernel(LatticeKernel.class);

    private final CeoServerDecoder decoder;
    private final CeoSpec spec;
    private final PlaneLlrChain chain = new PlaneLlrChain();

    CeoE8Decoder(final CeoServerDecoder decoder, final CeoSpec spec) {
        this.decoder = decoder;
        this.spec = spec;
    }

    /**
     * Decodes worker j's E8 section of layer l (validated by {@link #skip}).
     *
     * @param pos the section's offset after its common 12 bytes
     * @return the reconstruction
     */
    float[] decode(final DirectBuffer buf, final int pos, final int end, final CeoPlan plan, final int worker,
            final int layer, final int n, final float step, final int key, final SideInformation side,
            final CeoServerDecoder.BackChannel back, final CeoServerDecoder.Tally tally, final List<PlaneStat> stats) {
        final int blocks = n / CeoE8.DIM;
        final int ne = blocks * CeoE8.DIM;
        final int zmin = buf.getInt(pos, ByteOrder.LITTLE_ENDIAN);
        final int planes = buf.getInt(pos + 4, ByteOrder.LITTLE_ENDIAN);
        final float[] yhat = new float[n];
        int p = pos + 8;
        for (int i = ne; i < n; i++) {
            final int q = buf.getInt(p, ByteOrder.LITTLE_ENDIAN);
            p += 4;
            yhat[i] = (float) ((q - (double) Dither.centred(key, i)) * step);
        }
        final float a = (float) CeoE8.latticeStep(step);
        final float[] u = new float[ne];
        LATTICE.dither(Lattice.E8, blocks, key, u);
        final double s = side.observationStdDev(plan.sn2()[worker][layer]);
        final double[] mu = new double[ne];
        for (int i = 0; i < ne; i++) {
            mu[i] = side.mean(i);
        }
        final int[] at = {p};
        final Reader reader = new Reader(buf, at, worker, plan.round(), layer, back, tally, stats);
        // the coset bits
        final double[][] series = CeoE8.seriesFactors(CeoE8.cosetSigma(s, a));
        final double[] scratch = new double[4];
        final float[] cl = new float[blocks];
        for (int b = 0; b < blocks; b++) {
            cl[b] = CeoE8.cosetLlr(mu, u, b * CeoE8.DIM, a, series, scratch);
        }
        final long[] coset = reader.plane(cl, blocks, CeoE8.COSET_PLANE);
        final float[] shifted = new float[ne];
        for (int b = 0; b < blocks; b++) {
            final float half = ((coset[b >>> 6] >>> (b & 63)) & 1) != 0 ? 0.5f : 0f;
            for (int i = b * CeoE8.DIM; i < (b + 1) * CeoE8.DIM; i++) {
                shifted[i] = u[i] - half;
            }
        }
        // z's planes above the least significant
        final BitPlaneModel model = new BitPlaneModel(planes, zmin);
        final double sz = CeoE8.planeSigma(s, a);
        final int[] r = new int[ne];
        final float[] llr = new float[ne];
        chain.start(ne);
        for (int b = planes - 1; b >= 1; b--) {
            chain.llrs(model, b, r, shifted, a, mu, sz, ne, llr);
            final long[] bits = reader.plane(llr, ne, b);
            for (int i = 0; i < ne; i++) {
                r[i] |= (int) ((bits[i >>> 6] >>> (i & 63)) & 1) << b;
            }
            chain.descend(b, r, ne);
        }
        // the least significant plane: 7 bits per block with the parity's extrinsic information
        chain.llrs(model, 0, r, shifted, a, mu, sz, ne, llr);
        final int m0 = blocks * CeoE8.LOW_FIRST;
        final float[] marg = new float[m0];
        for (int b = 0; b < blocks; b++) {
            CeoE8.parityMarginals(llr, b * CeoE8.DIM, marg, b * CeoE8.LOW_FIRST);
        }
        final long[] low = reader.plane(marg, m0, 0);
        final int[] parity = new int[blocks];
        for (int b = 0, k = 0; b < blocks; b++) {
            for (int i = b * CeoE8.DIM, e = i + CeoE8.LOW_FIRST; i < e; i++, k++) {
                final int bit = (int) ((low[k >>> 6] >>> (k & 63)) & 1);
                r[i] |= bit;
                parity[b] ^= bit;
            }
        }
        // the seventh bit given the six (exact: the last two XOR to the six's parity), the eighth from the parity
        final float[] pl = new float[blocks];
        for (int b = 0; b < blocks; b++) {
            final int from = b * CeoE8.DIM;
            pl[b] = CeoE8.pairLlr(llr[from + CeoE8.LOW_FIRST], llr[from + CeoE8.DIM - 1], parity[b]);
        }
        final long[] pair = reader.plane(pl, blocks, CeoE8.PAIR_PLANE);
        for (int b = 0; b < blocks; b++) {
            final int bit = (int) ((pair[b >>> 6] >>> (b & 63)) & 1);
            r[b * CeoE8.DIM + CeoE8.LOW_FIRST] |= bit;
            r[b * CeoE8.DIM + CeoE8.DIM - 1] |= bit ^ parity[b];
        }
        if (at[0] != end) {
            throw new FrameException(FrameError.BAD_PAYLOAD, "ceo worker " + worker + " layer " + layer
                    + ": E8 section ends at " + at[0] + ", the frame at " + end);
        }
        final int[] twice = new int[ne];
        for (int b = 0; b < blocks; b++) {
            final int c = (int) ((coset[b >>> 6] >>> (b & 63)) & 1);
            for (int i = b * CeoE8.DIM; i < (b + 1) * CeoE8.DIM; i++) {
                twice[i] = 2 * (r[i] + zmin) + c;
            }
        }
        final float[] e8 = new float[ne];
        LATTICE.reconstruct(twice, u, ne, a, e8);
        System.arraycopy(e8, 0, yhat, 0, ne);
        return yhat;
    }

    /** Reads one plane after another from the section, decoding each against its LLRs. */
    private final class Reader {
        private final DirectBuffer buf;
        private final int[] at;
        private final int worker;
        private final long round;
        private final int layer;
        private final CeoServerDecoder.BackChannel back;
        private final CeoServerDecoder.Tally tally;
        private final List<PlaneStat> stats;

        Reader(final DirectBuffer buf, final int[] at, final int worker, final long round, final int layer,
                final CeoServerDecoder.BackChannel back, final CeoServerDecoder.Tally tally, final List<PlaneStat> stats) {
            this.buf = buf;
            this.at = at;
            this.worker = worker;
            this.round = round;
            this.layer = layer;
            this.back = back;
            this.tally = tally;
            this.stats = stats;
        }

        /** The m bits of plane {@code id}: CHECK (hard decisions + CRC), RAW, or SYNDROME (BP + CRC); failures fetched raw. */
        long[] plane(final float[] llr, final int m, final int id) {
            final int block = spec.block();
            final int blocks = (m + block - 1) / block;
            int p = at[0];
            final PlaneKind kind = PlaneKind.values()[buf.getByte(p)];
            p += 4;
            final int start = p;
            final double hBits = PlaneLlrChain.conditionalEntropy(llr, m) * m;
            final long[][] bits = new long[blocks][];
            long fb = 0;
            if (kind == PlaneKind.SYNDROME) {
                final CeoServerDecoder.SyndromePlane plane = decoder.new SyndromePlane(blocks);
                p = plane.read(buf, p, m, block);
                fb = plane.decode(llr, m, block, worker, round, layer, id, back, bits, tally);
            } else {
                for (int j = 0; j < blocks; j++) {
                    final int from = j * block;
                    final int nb = Math.min(block, m - from);
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
                    } else {
                        bits[j] = PlaneBits.read(buf, p, nb);
                        p += (nb + 7) >>> 3;
                    }
                }
            }
            final long sent = 8L * (p - start);
            int fails = 0;
            final long[] out = new long[SourceBlock.words(m)];
            for (int j = 0; j < blocks; j++) {
                final int from = j * block;
                final int nb = Math.min(block, m - from);
                long[] got = bits[j];
                if (got == null) {
                    got = CeoServerDecoder.fetch(tally, nb, () -> back.rawPlane(worker, round, layer, id, from, nb));
                    tally.fallbacks++;
                    fails++;
                    fb += nb + CeoServerDecoder.REQUEST_BITS;
                }
                PlaneBits.orAt(out, got, from, nb);
            }
            stats.add(new PlaneStat(worker, layer, id, kind, m, sent + 32, fb, hBits, fails));
            at[0] = p;
            return out;
        }
    }

    /**
     * Validates an E8 section's lengths (the part after its common 12 bytes) and returns its end.
     *
     * @throws FrameException TRUNCATED or BAD_PAYLOAD, naming worker, layer and what
     */
    static int skip(final DirectBuffer buf, final int pos, final int end, final int n, final int block, final int worker,
            final String layer) {
        need(pos, 8, end, worker, layer);
        final int zmin = buf.getInt(pos, ByteOrder.LITTLE_ENDIAN);
        final int planes = buf.getInt(pos + 4, ByteOrder.LITTLE_ENDIAN);
        if (planes < 1 || planes > 30) {
            throw bad(worker, layer, "E8 plane count " + planes + " outside [1, 30]");
        }
        final long zmax = (long) zmin + (1L << planes) - 1;
        if (Math.abs((double) zmin) > CeoWorkerEncoder.MAX_INDEX + 1 || Math.abs((double) zmax) > 2 * CeoWorkerEncoder.MAX_INDEX + 2) {
            throw bad(worker, layer, "E8 index range out of bounds");
        }
        if (n < CeoE8.DIM) {
            throw bad(worker, layer, "E8 section for a layer of " + n + " coordinates (fewer than one block)");
        }
        final int blocks = n / CeoE8.DIM;
        final int ne = blocks * CeoE8.DIM;
        int p = pos + 8;
        need(p, 4L * (n - ne), end, worker, layer);
        for (int i = ne; i < n; i++) {
            final int q = buf.getInt(p, ByteOrder.LITTLE_ENDIAN);
            if (Math.abs((double) q) > CeoWorkerEncoder.MAX_INDEX + 1) {
                throw bad(worker, layer, "tail index " + i + " = " + q + " out of range");
            }
            p += 4;
        }
        for (int k = 0; k <= planes + 1; k++) {
            // coset plane, planes - 1 .. 1, then the two low sub-planes
            final int m = k == 0 || k == planes + 1 ? blocks : k < planes ? ne : blocks * CeoE8.LOW_FIRST;
            need(p, 4, end, worker, layer);
            final int kind = buf.getByte(p);
            if (kind < 0 || kind >= PlaneKind.values().length) {
                throw bad(worker, layer, "E8 plane kind " + kind);
            }
            p += 4;
            for (int from = 0; from < m; from += block) {
                final int nb = Math.min(block, m - from);
                switch (PlaneKind.values()[kind]) {
                    case CHECK -> {
                        need(p, 4, end, worker, layer);
                        p += 4;
                    }
                    case RAW -> {
                        need(p, (nb + 7) >>> 3, end, worker, layer);
                        p += (nb + 7) >>> 3;
                    }
                    case SYNDROME -> {
                        need(p, 16, end, worker, layer);
                        final int base = buf.getInt(p, ByteOrder.LITTLE_ENDIAN);
                        final int max = buf.getInt(p + 4, ByteOrder.LITTLE_ENDIAN);
                        final int t = buf.getInt(p + 8, ByteOrder.LITTLE_ENDIAN);
                        if (nb < CeoCodes.MIN_SYNDROME_BLOCK || base < 1 || max < base || max > nb || max > 2L * base
                                || t < base || t > max) {
                            throw bad(worker, layer, "E8 syndrome code (B=" + base + ", M=" + max + ", t=" + t
                                    + ") invalid for a block of " + nb);
                        }
                        need(p, 16 + ((t + 7L) >>> 3), end, worker, layer);
                        p += 16 + ((t + 7) >>> 3);
                    }
                    default -> throw new IllegalStateException();
                }
            }
        }
        return p;
    }

    private static void need(final long p, final long bytes, final int end, final int worker, final String layer) {
        if (p + bytes > end) {
            throw new FrameException(FrameError.TRUNCATED, "ceo worker " + worker + " layer " + layer + ": needs " + bytes
                    + " bytes at " + p + ", the body ends at " + end);
        }
    }

    private static FrameException bad(final int worker, final String layer, final String what) {
        return new FrameException(FrameError.BAD_PAYLOAD, "ceo worker " + worker + " layer " + layer + ": " + what);
    }
}
