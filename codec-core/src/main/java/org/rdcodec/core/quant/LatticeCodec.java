package org.rdcodec.core.quant;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.spec.CodecSpec;

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
 * Every coordinate symbol goes into the rANS stream of its context: its role (free or halved
 * coordinate), the coset bit (E8), and the bin of its own dither value u_j, which both sides know;
 * this takes the rate from H(p) towards H(p | u).
 *
 * <p>Payload: float32 lattice scale a, int32 coded length m (layer length, or its padded rotated
 * length), int32 contexts C, int32 S stream lengths, the S streams.
 */
final class LatticeCodec extends LayerwiseCodec {

    private static final int HEADER = 12;
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

    private int streams(final int contexts) {
        return switch (lattice) {
            case Z -> contexts;
            case D4 -> 3 * contexts;
            case E8 -> 1 + 6 * contexts;
        };
    }

    @Override
    protected int maxPayloadBytes(final int n) {
        final int m = codedLength(n);
        final int blocks = (m + lattice.dim() - 1) / lattice.dim();
        final int s = streams(MAX_CONTEXTS);
        return HEADER + 4 + 4 * s + s * IndexCoder.maxBytes(0) + IndexCoder.maxBytes(m + blocks);
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
        java.util.Arrays.fill(buf, m, blocks * dim, 0f);
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
            throw new IllegalArgumentException(spec() + ": " + job.where() + ": step " + s + " is too small for max |x| = " + maxAbs
                    + " (lattice coordinates would exceed 2^21)");
        }
        final int key = job.key(Dither.STREAM_DITHER);
        QuantKernels.LATTICE.encode(lattice, buf, blocks, 1f / a, key, twice);
        final int c = contexts(m, a, sigma);
        if (c > 1) {
            QuantKernels.LATTICE.dither(lattice, blocks, key, u);
        }
        final int count = symbolize(m, c);
        final int streams = streams(c);
        dst.putFloat(pos, a, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(pos + 4, m, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(pos + 8, c, ByteOrder.LITTLE_ENDIAN);
        final int[] start = group(count, streams);
        int p = pos + HEADER + 4 * streams;
        for (int st = 0; st < streams; st++) {
            final int len = job.indexCoder.encode(grouped, start[st], start[st + 1] - start[st], dst, p, pos + capacity - p, job.where());
            dst.putInt(pos + HEADER + 4 * st, len, ByteOrder.LITTLE_ENDIAN);
            p += len;
        }
        return p - pos;
    }

    /**
     * Contexts by the dither bin pay off when the cell is coarse against the spread (at fine steps
     * p hardly depends on u) and the layer is long enough to fill the extra tables.
     */
    private static int contexts(final int m, final float a, final double sigma) {
        if (!(a > 0.5 * sigma)) {
            return 1;
        }
        return m >= 1 << 18 ? MAX_CONTEXTS : m >= 1 << 14 ? 4 : 1;
    }

    /** Bin of a dither value: C equal bins over [-R, R], R = 1/2 for Z and 1 (covering radius) for D4, E8. */
    private int bin(final float v, final int c) {
        final float r = lattice == Lattice.Z ? 0.5f : 1f;
        final int b = (int) ((v + r) * (c / (2 * r)));
        return Math.max(0, Math.min(c - 1, b));
    }

    /** Fills symbols and their streams from {@link #twice}; returns the symbol count. */
    private int symbolize(final int m, final int c) {
        final int dim = lattice.dim();
        final int full = m / dim;
        final int blocks = (m + dim - 1) / dim;
        int k = 0;
        for (int b = 0; b < blocks; b++) {
            final int base = b * dim;
            final int real = b < full ? dim : m - base;
            final int coset = lattice == Lattice.E8 ? twice[base] & 1 : 0;
            if (lattice == Lattice.E8) {
                symbols[k] = coset;
                streamOf[k++] = 0;
            }
            int sum = 0;
            for (int j = 0; j < real; j++) {
                final int t = (twice[base + j] - coset) >> 1;
                final boolean halved = dim > 1 && j == dim - 1;
                symbols[k] = halved ? t >> 1 : t;
                streamOf[k++] = streamId(halved, sum & 1, coset, c == 1 ? 0 : bin(u[base + j], c), c);
                sum += t;
            }
        }
        return k;
    }

    /**
     * Stream of a coordinate symbol: free coordinates by (coset, dither bin); the halved last coordinate
     * also by the parity of the others (which fixes its own parity, so it shifts the halved value).
     */
    private int streamId(final boolean halved, final int parity, final int coset, final int bin, final int c) {
        final int role = halved ? 1 + parity : 0;
        return switch (lattice) {
            case Z -> bin;
            case D4 -> role * c + bin;
            case E8 -> 1 + (2 * role + coset) * c + bin;
        };
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

    private int decodeStreams(final LayerJob job, final DirectBuffer src, final int pos, int p, final int end, final int from, final int to,
            final int[] start) {
        for (int st = from; st < to; st++) {
            final int len = src.getInt(pos + HEADER + 4 * st, ByteOrder.LITTLE_ENDIAN);
            require(len >= 0 && len <= end - p, job, "stream " + st + " of " + len + " bytes overruns the payload");
            job.indexCoder.decode(src, p, len, grouped, start[st], start[st + 1] - start[st], job.where());
            p += len;
        }
        return p;
    }

    @Override
    protected void decodeLayer(final LayerJob job, final DirectBuffer src, final int pos, final int length) {
        require(length >= HEADER, job, "payload of " + length + " bytes is shorter than its header");
        final float a = src.getFloat(pos, ByteOrder.LITTLE_ENDIAN);
        final int m = src.getInt(pos + 4, ByteOrder.LITTLE_ENDIAN);
        final int c = src.getInt(pos + 8, ByteOrder.LITTLE_ENDIAN);
        final int n = job.size;
        require(Float.isFinite(a) && a > 0, job, "lattice scale " + a + " is not a finite positive number");
        require(m == codedLength(n), job, "coded length " + m + " does not match the layer's " + codedLength(n));
        require(c >= 1 && c <= MAX_CONTEXTS, job, "payload has " + c + " contexts, outside [1, " + MAX_CONTEXTS + "]");
        final int streams = streams(c);
        require(length >= HEADER + 4 * streams, job, "payload of " + length + " bytes is shorter than its stream table");
        final int dim = lattice.dim();
        final int full = m / dim;
        final int blocks = (m + dim - 1) / dim;
        ensure(blocks * dim);
        final int key = job.key(Dither.STREAM_DITHER);
        if (c > 1) {
            QuantKernels.LATTICE.dither(lattice, blocks, key, u);
        }
        final int end = pos + length;
        int p = pos + HEADER + 4 * streams;
        // phase 1: the coset bits (E8), which the coordinates' contexts depend on
        int first = 0;
        int[] cosets = null;
        if (lattice == Lattice.E8) {
            final int len = src.getInt(pos + HEADER, ByteOrder.LITTLE_ENDIAN);
            require(len >= 0 && len <= end - p, job, "coset stream of " + len + " bytes overruns the payload");
            cosets = new int[blocks];
            job.indexCoder.decode(src, p, len, cosets, 0, blocks, job.where());
            for (int b = 0; b < blocks; b++) {
                require(cosets[b] == 0 || cosets[b] == 1, job, "coset bit " + cosets[b] + " of block " + b + " is not 0 or 1");
            }
            p += len;
            first = 1;
        }
        // phase 2: free coordinates (streams by coset and dither bin), whose parity picks the halved ones' streams
        final int freeEnd = lattice == Lattice.Z ? streams : first + (lattice == Lattice.E8 ? 2 : 1) * c;
        final int[] start = new int[streams + 1];
        for (int b = 0; b < blocks; b++) {
            final int base = b * dim;
            final int real = b < full ? dim : m - base;
            final int coset = cosets == null ? 0 : cosets[b];
            for (int j = 0; j < Math.min(real, dim == 1 ? 1 : dim - 1); j++) {
                start[streamId(false, 0, coset, c == 1 ? 0 : bin(u[base + j], c), c) + 1]++;
            }
        }
        for (int st = 0; st < freeEnd; st++) {
            start[st + 1] += start[st];
        }
        p = decodeStreams(job, src, pos, p, end, first, freeEnd, start);
        final int[] fill = start.clone();
        final int[] halvedStream = streamOf;
        for (int b = 0; b < blocks; b++) {
            final int base = b * dim;
            final int real = b < full ? dim : m - base;
            final int coset = cosets == null ? 0 : cosets[b];
            int sum = 0;
            for (int j = 0; j < dim; j++) {
                if (j >= real) {
                    twice[base + j] = 0; // padding: never sent, its reconstruction is dropped
                } else if (dim > 1 && j == dim - 1) {
                    halvedStream[b] = streamId(true, sum & 1, coset, c == 1 ? 0 : bin(u[base + j], c), c);
                    start[halvedStream[b] + 1]++;
                    twice[base + j] = sum & 1; // parity of t, completed in phase 3
                } else {
                    final int t = grouped[fill[streamId(false, 0, coset, c == 1 ? 0 : bin(u[base + j], c), c)]++];
                    require(Math.abs(t) <= MAX_SYMBOL, job, "lattice coordinate " + t + " of block " + b + " is out of range");
                    sum += t;
                    twice[base + j] = 2 * t + coset;
                }
            }
        }
        // phase 3: the halved last coordinates of full blocks
        if (freeEnd < streams) {
            for (int st = freeEnd; st < streams; st++) {
                start[st + 1] += start[st];
            }
            p = decodeStreams(job, src, pos, p, end, freeEnd, streams, start);
            final int[] fill3 = start.clone();
            for (int b = 0; b < full; b++) {
                final int h = grouped[fill3[halvedStream[b]]++];
                require(Math.abs(h) <= MAX_SYMBOL, job, "halved lattice coordinate " + h + " of block " + b + " is out of range");
                final int at = b * dim + dim - 1;
                twice[at] = 2 * (2 * h + twice[at]) + (cosets == null ? 0 : cosets[b]);
            }
        }
        require(p == end, job, (end - p) + " bytes left after the streams");
        QuantKernels.LATTICE.decode(lattice, twice, blocks, a, key, buf);
        if (rotate) {
            HadamardRotation.inverse(buf, n, job.key(Dither.STREAM_ROTATION));
        }
        for (int i = 0; i < n; i++) {
            job.data.setAtIndex(GradientBuffer.FLOAT_LE, job.from + i, buf[i]);
        }
    }
}
