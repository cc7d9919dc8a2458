package org.rdcodec.core.quant;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.spec.CodecSpec;
import org.rdcodec.core.spec.SpecException;

/**
 * Subtractive dithered lattice quantizer (Z, D4 or E8) with entropy-coded points, optionally after the
 * randomized Hadamard rotation ({@code rot=hadamard}). The layer (rotated or not) is cut into blocks of
 * the lattice dimension; the last block is zero-padded and only its real coordinates are sent. With
 * lattice scale a = step * {@link Lattice#unitScale} the encoder sends p = Q(x / a + u) and the server
 * rebuilds (p - u) a, where u = w - Q(w), w uniform on [0, period)^n from the shared seed, is uniform
 * on the Voronoi cell: the error is uniform on the scaled cell, independent of x, with per-dimension
 * variance G step^2.
 *
 * <p>Entropy coding (the point is sent as integers, without the redundancy of its coordinates):
 * <ul>
 * <li>E8: the coset bit c (p in D8 or D8 + 1/2) of each block, then t_j = p_j - c/2 (a point of D8)
 * for j &lt; 7 and floor(t_7 / 2) for the last coordinate, whose parity follows from the others.</li>
 * <li>D4: t_j = p_j for j &lt; 3 and floor(p_3 / 2).</li>
 * <li>Z: p.</li>
 * </ul>
 * Every symbol goes into the rANS stream of its context, which the decoder rebuilds causally:
 * <ul>
 * <li>a free coordinate: sign-folded by its own dither value (sent as t, or as its mirror image -t in
 * D8 and Z^n, -t - 1 in D8 + 1/2, when u_j &lt; 0: the distribution of t given u_j is the mirror image of
 * that given -u_j), in the stream of its role, the block's coset bit (E8) and the bin of |u_j| among C / 2
 * bins; folding halves the streams for the same dither resolution;</li>
 * <li>the halved last coordinate of D4 and E8 (not folded: the parity role does not survive it): its
 * role, coset, and the bin of u_j among C / 2 bins (C bins cost more in tables than they save);</li>
 * <li>an E8 coset bit: the bin of the distance from the block's dither to D8 + 1/2 among C.</li>
 * </ul>
 * (Folding and the coarser bins of the halved coordinate were measured to save 0.006-0.007 bit/coord
 * on E8 at 1 bit; src/site/lattice.md.) The number C of dither bins is the encoder's choice (see
 * {@link #chooseContexts}).
 *
 * <p>Payload: float32 lattice scale a, int32 coded length m (layer length, or its padded rotated
 * length), int32 (format {@link #FORMAT} &lt;&lt; 16) | C, then for each of the S = groups * C streams its
 * byte length and symbol count as unsigned LEB128 varints, then the non-empty streams back to back. The
 * decoder refuses any other format (format 1, before folding, had no version bits).
 */
final class LatticeCodec extends LayerwiseCodec {

    private static final int HEADER = 12;
    /** Payload format in the high half of the context field: 2 = sign-folded coordinates. */
    private static final int FORMAT = 2;
    private static final int MAX_CONTEXTS = 16;
    /** |t| above this is rejected at the decoder (the encoder keeps |x / a| below 2^21). */
    private static final int MAX_SYMBOL = 1 << 22;
    private static final float MAX_SCALED = 0x1p21f;

    private final Lattice lattice;
    private final double step;
    private final double relstep;
    private final boolean rotate;

    private float[] buf = new float[0];
    private float[] u = new float[0];
    private int[] twice = new int[0];
    private int[] symbols = new int[0];
    private int[] streamOf = new int[0];
    private int[] grouped = new int[0];

    LatticeCodec(final CodecSpec spec, final Lattice lattice) {
        super(spec);
        this.lattice = lattice;
        if (spec.has("step")) {
            step = spec.getDouble("step");
            relstep = 0;
        } else if (spec.has("distortion")) {
            step = Math.sqrt(spec.getDouble("distortion") / lattice.g());
            relstep = 0;
        } else {
            step = 0;
            relstep = spec.has("relstep") ? spec.getDouble("relstep") : 1.0;
        }
        rotate = spec.has("rot") && spec.getString("rot").equals("hadamard");
    }

    private int codedLength(final int n) {
        return rotate ? HadamardRotation.paddedLength(n) : n;
    }

    /** Symbol groups: E8 coset bit + (coset x role); D4 role; Z one. */
    private int groups() {
        return switch (lattice) {
            case Z -> 1;
            case D4 -> 3;
            case E8 -> 7;
        };
    }

    private int streams(final int contexts) {
        return groups() * contexts;
    }

    /**
     * Group of a coordinate symbol: role 0 free, 1 + parity halved. (A context on the energy already
     * spent in the block, min(2, sum p_i^2 - c/4), was measured to cost more in tables than it saved.)
     */
    private int coordinateGroup(final int role, final int coset) {
        return switch (lattice) {
            case Z -> 0;
            case D4 -> role;
            case E8 -> 1 + coset * 3 + role;
        };
    }

    @Override
    protected long maxPayloadBytes(final int n) {
        final int m = codedLength(n);
        final int blocks = (m + lattice.dim() - 1) / lattice.dim();
        final int s = streams(MAX_CONTEXTS);
        return HEADER + 10 * s + s * IndexCoder.maxBytes(0) + IndexCoder.maxBytes(m + blocks);
    }

    private void ensure(final int padded) {
        if (buf.length < padded) {
            buf = new float[padded];
            u = new float[padded];
            twice = new int[padded];
            symbols = new int[padded + padded / lattice.dim() + 1];
            streamOf = new int[symbols.length];
            grouped = new int[symbols.length];
        }
    }

    @Override
    protected int encodeLayer(final LayerJob job, final MutableDirectBuffer dst, final int pos, final int capacity) {
        final int n = job.size;
        final int m = codedLength(n);
        final int dim = lattice.dim();
        final int blocks = (m + dim - 1) / dim;
        ensure(blocks * dim);
        for (int i = 0; i < n; i++) {
            buf[i] = job.data.getAtIndex(GradientBuffer.FLOAT_LE, job.from + i);
        }
        if (rotate) {
            HadamardRotation.forward(buf, n, job.key(Dither.STREAM_ROTATION));
        }
        java.util.Arrays.fill(buf, n, blocks * dim, 0f);
        final double sigma = job.stats.stdDev();
        double s = step > 0 ? step : relstep * sigma;
        if (!(s > 0)) {
            s = 1; // a constant layer: any step reconstructs it without bias
        }
        final float a = (float) (s * lattice.unitScale());
        float maxAbs = 0f;
        for (int i = 0; i < m; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(buf[i]));
        }
        if (!(maxAbs / a < MAX_SCALED)) {
            throw new SpecException(spec() + ": " + job.where() + ": step " + s + " is too small for max |x| = " + maxAbs
                    + " (lattice coordinates would exceed 2^21)");
        }
        final int key = job.key(Dither.STREAM_DITHER);
        QuantKernels.LATTICE.encode(lattice, buf, blocks, 1f / a, key, twice, u);
        final int count = symbolize(m);
        final int c = chooseContexts(count);
        final int k = MAX_CONTEXTS / c;
        for (int i = 0; i < count; i++) {
            streamOf[i] = streamOf[i] / MAX_CONTEXTS * c + streamOf[i] % MAX_CONTEXTS / k;
        }
        final int streams = streams(c);
        dst.putFloat(pos, a, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(pos + 4, m, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(pos + 8, FORMAT << 16 | c, ByteOrder.LITTLE_ENDIAN);
        final int[] start = group(count, streams);
        // stream lengths are known only after coding: code the streams after room for the largest
        // table, then write the varint table and move the streams down to meet it
        final int tableMax = 10 * streams;
        int p = pos + HEADER + tableMax;
        final int[] lengths = new int[streams];
        for (int st = 0; st < streams; st++) {
            final int cnt = start[st + 1] - start[st];
            lengths[st] = cnt == 0 ? 0 : job.indexCoder.encode(grouped, start[st], cnt, dst, p, pos + capacity - p, job.where());
            p += lengths[st];
        }
        int t = pos + HEADER;
        for (int st = 0; st < streams; st++) {
            t = putVarint(dst, t, lengths[st]);
            t = putVarint(dst, t, start[st + 1] - start[st]);
        }
        final int data = pos + HEADER + tableMax;
        final int dataLength = p - data;
        dst.putBytes(t, dst, data, dataLength);
        return t + dataLength - pos;
    }

    private static int putVarint(final MutableDirectBuffer dst, int p, int v) {
        while ((v & ~0x7f) != 0) {
            dst.putByte(p++, (byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        dst.putByte(p++, (byte) v);
        return p;
    }

    /** Symbols kept in the encoder's cost histograms; larger ones are charged as escapes. */
    private static final int HIST_RANGE = 64;
    /** Escape cost in bits (the rANS escape carries the raw value). */
    private static final double ESCAPE_BITS = 40;
    /**
     * Estimated bytes of one non-empty stream beyond its symbols: its two varints and the coder's stream
     * header, and about 2 bytes per distinct symbol of the frequency table.
     */
    private static final double STREAM_BYTES = 12;
    private static final double TABLE_BYTES_PER_SYMBOL = 2;

    /**
     * The encoder's choice of C in {1, 2, 4, 8, 16}: more dither bins take the rate towards H(p | u)
     * but every stream pays for its table, so each C is costed from the symbols' histograms (empirical
     * entropy plus an estimate of the table bytes) and the cheapest wins. The bins nest (a bin of C is
     * two bins of 2C), so one histogram at the finest C serves every candidate.
     */
    private int chooseContexts(final int count) {
        final int groups = groups();
        final int width = 2 * HIST_RANGE + 1;
        final int[] hist = new int[groups * MAX_CONTEXTS * width];
        final int[] escapes = new int[groups * MAX_CONTEXTS];
        for (int i = 0; i < count; i++) {
            final int g = streamOf[i];
            final int v = symbols[i];
            if (Math.abs(v) <= HIST_RANGE) {
                hist[g * width + v + HIST_RANGE]++;
            } else {
                escapes[g]++;
            }
        }
        int best = 1;
        double bestBits = Double.MAX_VALUE;
        final int[] merged = new int[width];
        for (int c = 1; c <= MAX_CONTEXTS; c <<= 1) {
            final int k = MAX_CONTEXTS / c;
            double bits = 2 * 8 * streams(c); // the two varints of each (mostly empty) stream
            for (int g = 0; g < groups; g++) {
                for (int b = 0; b < c; b++) {
                    java.util.Arrays.fill(merged, 0);
                    long total = 0;
                    int distinct = 0;
                    for (int f = b * k; f < (b + 1) * k; f++) {
                        final int row = (g * MAX_CONTEXTS + f) * width;
                        for (int v = 0; v < width; v++) {
                            merged[v] += hist[row + v];
                        }
                        bits += escapes[g * MAX_CONTEXTS + f] * ESCAPE_BITS;
                    }
                    for (int v = 0; v < width; v++) {
                        total += merged[v];
                    }
                    if (total == 0) {
                        continue;
                    }
                    for (int v = 0; v < width; v++) {
                        if (merged[v] > 0) {
                            distinct++;
                            bits -= merged[v] * (Math.log((double) merged[v] / total) / Math.log(2));
                        }
                    }
                    bits += 8 * (STREAM_BYTES + TABLE_BYTES_PER_SYMBOL * distinct);
                }
            }
            if (bits < bestBits) {
                bestBits = bits;
                best = c;
            }
        }
        return best;
    }

    /**
     * Context of an E8 block's coset bit: the squared distance d from its dither u to the nearest point
     * of D8 + 1/2, in C bins over [0, 2] (d is at most 2 inside the Voronoi cell of 0). At coarse steps
     * the point is mostly 0 or a neighbour of u, and a dither near a half-integer point makes c = 1 likely.
     */
    private int cosetBin(final int block, final int c, final float[] ub, final int[] scratch) {
        System.arraycopy(u, block * 8, ub, 0, 8);
        final float d = ScalarLatticeKernel.nearestD(ub, 0.5f, scratch);
        return Math.max(0, Math.min(c - 1, (int) (d * (c / 2f))));
    }

    /** Bin of a dither value: C equal bins over [-R, R], R = 1/2 for Z and 1 (covering radius) for D4, E8. */
    private int bin(final float v, final int c) {
        final float r = lattice == Lattice.Z ? 0.5f : 1f;
        final int b = (int) ((v + r) * (c / (2 * r)));
        return Math.max(0, Math.min(c - 1, b));
    }

    /** Bin of |v|: C equal bins over [0, R]. */
    private int foldedBin(final float v, final int c) {
        final float r = lattice == Lattice.Z ? 0.5f : 1f;
        final int b = (int) (Math.abs(v) * (c / r));
        return Math.max(0, Math.min(c - 1, b));
    }

    /**
     * The dither bin of a coordinate at the finest resolution (MAX_CONTEXTS = 16 fine bins; C contexts
     * take fine / (16 / C)): |u| in 8 bins for a free (folded) coordinate, u in 8 for the halved one, so
     * C / 2 bins of each at C. (So at C = 16 the coordinate streams of odd index stay empty, 2 varint bytes
     * each; C = 16 differs from C = 8 only in the coset bins, and the encoder's costing chooses between them.)
     */
    private int fineBin(final boolean halved, final float v) {
        return 2 * (halved ? bin(v, MAX_CONTEXTS / 2) : foldedBin(v, MAX_CONTEXTS / 2));
    }

    /** The mirror image of a free coordinate t (an involution): -t, or -t - 1 in the coset D8 + 1/2. */
    private static int mirror(final int t, final int coset) {
        return -t - coset;
    }

    /**
     * Fills symbols from {@link #twice}, with {@code streamOf} = group * 16 + (bin at 16 contexts); returns
     * the symbol count.
     */
    private int symbolize(final int m) {
        final int dim = lattice.dim();
        final int full = m / dim;
        final int blocks = (m + dim - 1) / dim;
        final float[] ub = new float[8];
        final int[] scratch = new int[8];
        int k = 0;
        for (int b = 0; b < blocks; b++) {
            final int base = b * dim;
            final int real = b < full ? dim : m - base;
            final int coset = lattice == Lattice.E8 ? twice[base] & 1 : 0;
            if (lattice == Lattice.E8) {
                symbols[k] = coset;
                streamOf[k++] = cosetBin(b, MAX_CONTEXTS, ub, scratch);
            }
            int sum = 0;
            for (int j = 0; j < real; j++) {
                final int t = (twice[base + j] - coset) >> 1;
                final boolean halved = dim > 1 && j == dim - 1;
                final int role = halved ? 1 + (sum & 1) : 0;
                final float uj = u[base + j];
                symbols[k] = halved ? t >> 1 : uj < 0 ? mirror(t, coset) : t;
                streamOf[k++] = coordinateGroup(role, coset) * MAX_CONTEXTS + fineBin(halved, uj);
                sum += t;
            }
        }
        return k;
    }

    /** Groups symbols by stream into {@link #grouped}; returns the stream starts (S + 1 of them). */
    private int[] group(final int count, final int streams) {
        final int[] start = new int[streams + 1];
        for (int i = 0; i < count; i++) {
            start[streamOf[i] + 1]++;
        }
        for (int st = 0; st < streams; st++) {
            start[st + 1] += start[st];
        }
        final int[] fill = start.clone();
        for (int i = 0; i < count; i++) {
            grouped[fill[streamOf[i]]++] = symbols[i];
        }
        return start;
    }

    @Override
    protected void decodeLayer(final LayerJob job, final DirectBuffer src, final int pos, final int length) {
        require(length >= HEADER, job, "payload of " + length + " bytes is shorter than its header");
        final float a = src.getFloat(pos, ByteOrder.LITTLE_ENDIAN);
        final int m = src.getInt(pos + 4, ByteOrder.LITTLE_ENDIAN);
        final int field = src.getInt(pos + 8, ByteOrder.LITTLE_ENDIAN);
        require(field >>> 16 == FORMAT, job, "payload format " + (field >>> 16) + " (0 = format 1), this decoder reads " + FORMAT);
        final int c = field & 0xffff;
        final int n = job.size;
        require(Float.isFinite(a) && a > 0, job, "lattice scale " + a + " is not a finite positive number");
        require(m == codedLength(n), job, "coded length " + m + " does not match the layer's " + codedLength(n));
        require(c >= 1 && c <= MAX_CONTEXTS && Integer.bitCount(c) == 1, job, "payload has " + c + " contexts, not a power of two in [1, "
                + MAX_CONTEXTS + "]");
        final int streams = streams(c);
        final int dim = lattice.dim();
        final int full = m / dim;
        final int blocks = (m + dim - 1) / dim;
        ensure(blocks * dim);
        final int total = m + (lattice == Lattice.E8 ? blocks : 0);
        final int end = pos + length;
        // the stream table
        final int[] lengths = new int[streams];
        final int[] start = new int[streams + 1];
        int t = pos + HEADER;
        long sumLengths = 0;
        for (int st = 0; st < streams; st++) {
            final long[] v = new long[1];
            t = getVarint(job, src, t, end, v);
            lengths[st] = (int) v[0];
            t = getVarint(job, src, t, end, v);
            require(v[0] <= total - start[st], job, "stream " + st + " claims " + v[0] + " symbols; the layer has " + total + " in all");
            start[st + 1] = start[st] + (int) v[0];
            sumLengths += lengths[st];
        }
        require(start[streams] == total, job, "streams hold " + start[streams] + " symbols, the layer needs " + total);
        require(sumLengths == end - t, job, "streams of " + sumLengths + " bytes do not fill the payload's " + (end - t));
        int p = t;
        for (int st = 0; st < streams; st++) {
            final int cnt = start[st + 1] - start[st];
            if (cnt > 0) {
                job.indexCoder.decode(src, p, lengths[st], grouped, start[st], cnt, job.where());
            } else {
                require(lengths[st] == 0, job, "empty stream " + st + " has " + lengths[st] + " bytes");
            }
            p += lengths[st];
        }
        // the points, block by block, each symbol from the stream its causal context names
        final int key = job.key(Dither.STREAM_DITHER);
        QuantKernels.LATTICE.dither(lattice, blocks, key, u);
        final int[] fill = start.clone();
        final float[] ub = new float[8];
        final int[] scratch = new int[8];
        for (int b = 0; b < blocks; b++) {
            final int base = b * dim;
            final int real = b < full ? dim : m - base;
            int coset = 0;
            if (lattice == Lattice.E8) {
                final int st = cosetBin(b, c, ub, scratch);
                require(fill[st] < start[st + 1], job, "coset stream " + st + " ran out of symbols at block " + b);
                coset = grouped[fill[st]++];
                require(coset == 0 || coset == 1, job, "coset bit " + coset + " of block " + b + " is not 0 or 1");
            }
            int sum = 0;
            for (int j = 0; j < dim; j++) {
                if (j >= real) {
                    twice[base + j] = 0; // padding: never sent, its reconstruction is dropped
                    continue;
                }
                final boolean halved = dim > 1 && j == dim - 1;
                final int role = halved ? 1 + (sum & 1) : 0;
                final float uj = u[base + j];
                final int st = coordinateGroup(role, coset) * c + fineBin(halved, uj) / (MAX_CONTEXTS / c);
                require(fill[st] < start[st + 1], job, "stream " + st + " ran out of symbols at block " + b);
                final int sym = grouped[fill[st]++];
                require(Math.abs(sym) <= MAX_SYMBOL, job, "lattice coordinate " + sym + " of block " + b + " is out of range");
                final int tv = halved ? 2 * sym + (sum & 1) : uj < 0 ? mirror(sym, coset) : sym;
                sum += tv;
                twice[base + j] = 2 * tv + coset;
            }
        }
        QuantKernels.LATTICE.reconstruct(twice, u, blocks * dim, a, buf);
        if (rotate) {
            HadamardRotation.inverse(buf, n, job.key(Dither.STREAM_ROTATION));
        }
        for (int i = 0; i < n; i++) {
            job.data.setAtIndex(GradientBuffer.FLOAT_LE, job.from + i, buf[i]);
        }
    }

    private static int getVarint(final LayerJob job, final DirectBuffer src, int p, final int end, final long[] out) {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            require(p < end && shift <= 28, job, "stream table is truncated or has an over-long varint");
            final int b = src.getByte(p++) & 0xff;
            v |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        require(v <= Integer.MAX_VALUE, job, "varint " + v + " in the stream table is out of range");
        out[0] = v;
        return p;
    }
}
