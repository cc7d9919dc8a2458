package org.rdcodec.core.quant;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.spec.CodecSpec;
import org.rdcodec.core.spec.SpecException;
import org.rdcodec.core.theory.SphericalCap;

/**
 * Spherical compression in blocks of n coordinates (the layer zero-padded to a multiple of n; the padding
 * is dropped after decoding, which keeps the estimate of the real coordinates unbiased). For a block x with
 * direction u = x / ||x||, the encoder walks the shared-seed sequence Y_0, Y_1, ... of directions uniform on
 * S^(n-1) and sends the index j of the first with &lt;u, Y_j&gt; &gt;= t, where the cap has probability
 * p = 2^-(bits n). Given acceptance, Y_j is uniform on the cap, so E[Y_j] = mu u with mu = E[&lt;u, Y&gt; | cap]
 * ({@link SphericalCap}); the norm is sent by unbiased stochastic rounding on the grid of step Delta = RMS
 * block norm / normlevels (independent rounding stream). Output N Y_j / mu: unbiased, and its relative
 * variance is 1/mu^2 - 1 plus the norm rounding's share. j is geometric with mean 1/p: its top bits
 * (j &gt;&gt; r, r = max(0, bits n - 3), mean about 8) are rANS coded, its low r bits (nearly uniform) sent raw.
 *
 * <p>Directions: Y_j = g / ||g||, g standard Gaussian by Box-Muller from the dither stream keyed per block.
 * Payload: float32 Delta, int32 byte length of the norm stream, int32 byte length of the top-bits stream,
 * the two streams, then the low bits, LSB first, ceil(blocks r / 8) bytes.
 */
final class SphericalCodec extends LayerwiseCodec {

    /** Trials are indexed by int counters: at most 2^24 of them per block (a miss has probability below e^-16). */
    private static final int MAX_TRIALS = 1 << 24;

    private final int n;
    private final int normLevels;
    private final double threshold;
    private final double mu;
    private final int lowBits;
    private final double[] g;
    private final double[] u;

    SphericalCodec(final CodecSpec spec) {
        super(spec);
        n = spec.getInt("dim");
        normLevels = spec.getInt("normlevels");
        final double capBits = spec.getDouble("bits") * n;
        if (capBits > 20) {
            throw new SpecException(spec + ": bits * dim = " + capBits + " exceeds 20 (the encoder would try about 2^" + capBits + " directions per block)");
        }
        final SphericalCap cap = new SphericalCap(n);
        threshold = cap.threshold(StrictMath.pow(2, -capBits));
        mu = cap.conditionalMean(threshold);
        lowBits = Math.max(0, (int) Math.floor(capBits) - 3);
        g = new double[n + 1];
        u = new double[n];
    }

    private int blocks(final int size) {
        return (size + n - 1) / n;
    }

    @Override
    protected long maxPayloadBytes(final int size) {
        final int nb = blocks(size);
        return 12 + 2 * IndexCoder.maxBytes(nb) + ((long) nb * lowBits + 7) / 8;
    }

    /** Fills g[0, n) with the Gaussian vector of trial j of a block; returns ||g||^2. */
    private double candidate(final int blockKey, final int trial) {
        final int pairs = (n + 1) / 2;
        double ss = 0;
        for (int k = 0; k < pairs; k++) {
            final int idx = (trial * pairs + k) * 2;
            final double u1 = ((Dither.hash(blockKey, idx) >>> 8) + 1) * 0x1p-24;
            final double u2 = (Dither.hash(blockKey, idx + 1) >>> 8) * 0x1p-24;
            final double r = Math.sqrt(-2 * Math.log(u1));
            final double a = 2 * Math.PI * u2;
            g[2 * k] = r * Math.cos(a);
            g[2 * k + 1] = r * Math.sin(a);
        }
        for (int i = 0; i < n; i++) {
            ss += g[i] * g[i];
        }
        return ss;
    }

    private static int blockKey(final int layerKey, final int block) {
        return Dither.hash(layerKey, block);
    }

    @Override
    protected int encodeLayer(final LayerJob job, final MutableDirectBuffer dst, final int pos, final int capacity) {
        final int nb = blocks(job.size);
        final int[] norms = job.ints();
        final int[] trials = job.ints2();
        final float[] blockNorm = job.floats();
        double sumSq = 0;
        for (int b = 0; b < nb; b++) {
            double s = 0;
            for (int i = b * n; i < Math.min(job.size, (b + 1) * n); i++) {
                final double x = job.data.getAtIndex(GradientBuffer.FLOAT_LE, job.from + i);
                s += x * x;
            }
            blockNorm[b] = (float) Math.sqrt(s);
            sumSq += s;
        }
        final double rms = nb > 0 ? Math.sqrt(sumSq / nb) : 0;
        final float step = (float) (rms / normLevels);
        if (!Float.isFinite(step) || (sumSq > 0 && !(step > 0))) {
            throw new SpecException(spec() + ": " + job.where() + ": the norm step " + rms / normLevels + " is outside what a float can carry");
        }
        final int roundKey = job.key(Dither.STREAM_ROUNDING);
        final int dirKey = job.key(Dither.STREAM_DITHER);
        final double t2 = threshold * threshold;
        for (int b = 0; b < nb; b++) {
            final int k = step > 0 ? (int) (blockNorm[b] / step + Dither.unit(roundKey, b)) : 0;
            norms[b] = k;
            trials[b] = 0;
            if (k == 0) {
                // the output is 0 whatever the direction: no search, index 0
                continue;
            }
            final double inv = 1 / (double) blockNorm[b];
            for (int i = 0; i < n; i++) {
                final int c = b * n + i;
                u[i] = c < job.size ? job.data.getAtIndex(GradientBuffer.FLOAT_LE, job.from + c) * inv : 0;
            }
            trials[b] = search(blockKey(dirKey, b), t2, job);
        }
        int p = pos + 12;
        final int len1 = job.indexCoder.encode(norms, 0, nb, dst, p, pos + capacity - p, job.where());
        p += len1;
        for (int b = 0; b < nb; b++) {
            norms[b] = trials[b] >>> lowBits;
        }
        final int len2 = job.indexCoder.encode(norms, 0, nb, dst, p, pos + capacity - p, job.where());
        p += len2;
        p = writeLowBits(trials, nb, dst, p);
        dst.putFloat(pos, step, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(pos + 4, len1, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(pos + 8, len2, ByteOrder.LITTLE_ENDIAN);
        return p - pos;
    }

    private int search(final int key, final double t2, final LayerJob job) {
        for (int j = 0; j < MAX_TRIALS; j++) {
            final double ss = candidate(key, j);
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += u[i] * g[i];
            }
            if (inCap(dot, ss, t2)) {
                return j;
            }
        }
        throw new IllegalStateException(job.where() + ": no direction in the cap within " + MAX_TRIALS + " trials");
    }

    /**
     * Whether a candidate g lies in the cap: &lt;u, g / ||g||&gt; &gt;= t with t &gt;= 0 (p &lt;= 1/2), tested without a
     * square root as dot &gt;= 0 and dot^2 &gt;= t^2 ||g||^2. A zero candidate (every Box-Muller radius 0: u1 = 1,
     * probability 2^-24 per pair) has no direction: it would pass 0 &gt;= t^2 * 0 and decode as 0/0, so it is refused.
     *
     * @param dot &lt;u, g&gt;
     * @param ss ||g||^2
     * @param t2 t^2
     * @return whether g is accepted
     */
    static boolean inCap(final double dot, final double ss, final double t2) {
        return ss > 0 && dot >= 0 && dot * dot >= t2 * ss;
    }

    private int writeLowBits(final int[] trials, final int nb, final MutableDirectBuffer dst, final int start) {
        if (lowBits == 0) {
            return start;
        }
        long acc = 0;
        int fill = 0;
        int p = start;
        final int mask = (1 << lowBits) - 1;
        for (int b = 0; b < nb; b++) {
            acc |= (long) (trials[b] & mask) << fill;
            fill += lowBits;
            while (fill >= 8) {
                dst.putByte(p++, (byte) acc);
                acc >>>= 8;
                fill -= 8;
            }
        }
        if (fill > 0) {
            dst.putByte(p++, (byte) acc);
        }
        return p;
    }

    @Override
    protected void decodeLayer(final LayerJob job, final DirectBuffer src, final int pos, final int length) {
        final int nb = blocks(job.size);
        require(length >= 12, job, "payload of " + length + " bytes is shorter than its 12-byte header");
        final float step = src.getFloat(pos, ByteOrder.LITTLE_ENDIAN);
        require(Float.isFinite(step) && step >= 0, job, "norm step " + step + " is not finite and >= 0");
        final int len1 = src.getInt(pos + 4, ByteOrder.LITTLE_ENDIAN);
        final int len2 = src.getInt(pos + 8, ByteOrder.LITTLE_ENDIAN);
        final long lowBytes = ((long) nb * lowBits + 7) / 8;
        require(len1 >= 0 && len2 >= 0 && 12L + len1 + len2 + lowBytes == length, job,
                "stream lengths " + len1 + " + " + len2 + " + " + lowBytes + " low-bit bytes do not fill the payload's " + (length - 12));
        final int[] norms = job.ints();
        final int[] trials = job.ints2();
        job.indexCoder.decode(src, pos + 12, len1, norms, 0, nb, job.where());
        job.indexCoder.decode(src, pos + 12 + len1, len2, trials, 0, nb, job.where());
        final int maxHigh = (MAX_TRIALS - 1) >>> lowBits;
        requireRange(norms, nb, 0, Integer.MAX_VALUE, job, "norm index");
        requireRange(trials, nb, 0, maxHigh, job, "trial index (top bits)");
        int p = pos + 12 + len1 + len2;
        long acc = 0;
        int fill = 0;
        final int mask = (1 << lowBits) - 1;
        final int dirKey = job.key(Dither.STREAM_DITHER);
        for (int b = 0; b < nb; b++) {
            int j = trials[b] << lowBits;
            if (lowBits > 0) {
                while (fill < lowBits) {
                    acc |= (long) (src.getByte(p++) & 0xff) << fill;
                    fill += 8;
                }
                j |= (int) (acc & mask);
                acc >>>= lowBits;
                fill -= lowBits;
            }
            final double scale = norms[b] * (double) step / mu;
            final int end = Math.min(job.size, (b + 1) * n);
            if (norms[b] == 0 || scale == 0) {
                for (int c = b * n; c < end; c++) {
                    job.data.setAtIndex(GradientBuffer.FLOAT_LE, job.from + c, 0f);
                }
                continue;
            }
            final double inv = scale / Math.sqrt(candidate(blockKey(dirKey, b), j));
            for (int c = b * n; c < end; c++) {
                job.data.setAtIndex(GradientBuffer.FLOAT_LE, job.from + c, (float) (g[c - b * n] * inv));
            }
        }
    }
}
