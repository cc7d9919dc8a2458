package org.rdcodec.core.quant;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.spec.CodecSpec;
import org.rdcodec.core.spec.SpecException;
import org.rdcodec.core.stats.MagnitudeFamily;
import org.rdcodec.core.stats.MagnitudeFit;

/**
 * M22: per layer, a maximum-likelihood fit of the spec's family ({@link MagnitudeFit}), then the
 * quantizer minimising the expected M-magnitude weighted distortion under the fitted law
 * ({@link M22Table}), nearest level (deterministic, so biased like any Lloyd-type quantizer: E[Q(x) | x]
 * != x, and levels shrink towards 0 in the mean). Level indices are rANS coded.
 *
 * <p>Payload header (8 bytes): float32 scale (alpha or lambda, 0 for an all-zero layer), int16 shape index
 * on the grid 2^(i/256), int16 zero; then the index stream. The decoder rebuilds the table from the
 * family, M, bits (spec) and the shape index (frame), deterministically, instead of reading 2^bits floats:
 * 2 bytes per layer instead of 4 to 256, and no float table to validate.
 */
final class M22Codec extends IndexStreamCodec {

    /** Layers up to this size are fitted on all their values. */
    static final int MIN_SAMPLE = 4096;
    /** Above it, one value in this many (until the spec's cap). */
    static final int SAMPLE_DIVISOR = 16;

    private final MagnitudeFamily family;
    private final double m;
    private final int bits;
    private final int fitSamples;
    private final boolean stochastic;
    private float[] sample = new float[0];

    M22Codec(final CodecSpec spec) {
        super(spec);
        family = MagnitudeFamily.bySpecName(spec.getString("family"));
        m = spec.getDouble("m");
        bits = spec.getInt("bits");
        fitSamples = spec.getInt("fitsamples");
        stochastic = spec.getString("rounding").equals("stochastic");
    }

    /**
     * Fits the layer; an all-zero layer gets scale 0, a layer with a single non-zero value the Gaussian-like
     * shape 2 at its RMS.
     */
    private MagnitudeFit fitLayer(final LayerJob job) {
        if (job.stats.maxAbs() == 0) {
            return new MagnitudeFit(family, 2, 0, job.size, job.size, 0);
        }
        final int cap = sampleSize(job.size, fitSamples);
        if (sample.length < cap) {
            sample = new float[cap];
        }
        final int n = MagnitudeFit.sample(job.data, job.from, job.size, cap, sample);
        int nonZero = 0;
        for (int i = 0; i < n && nonZero < 2; i++) {
            nonZero += sample[i] != 0 ? 1 : 0;
        }
        if (nonZero < 2) {
            final double rms = Math.sqrt(job.stats.meanSquare());
            return new MagnitudeFit(family, 2, family == MagnitudeFamily.GENNORM ? Math.sqrt(2) * rms : rms, n, n - nonZero, 0);
        }
        return MagnitudeFit.fit(family, sample, n);
    }

    /**
     * Values the fit uses: the whole layer up to {@link #MIN_SAMPLE}, then one in {@link #SAMPLE_DIVISOR}
     * up to the spec's cap. The fit's cost is ~8 passes over its sample: a fixed cost that would dominate
     * small layers (2^16 values take 3 to 8 ms, against ~0.3 ms to entropy code a 256 KiB layer), while its
     * standard error only needs to stay small against the flat optimum of the table.
     *
     * @param size layer size
     * @param cap the spec's {@code fitsamples}
     * @return the sample size
     */
    static int sampleSize(final int size, final int cap) {
        return Math.min(Math.min(size, cap), Math.max(MIN_SAMPLE, size / SAMPLE_DIVISOR));
    }

    @Override
    protected void quantize(final LayerJob job, final int[] q, final MutableDirectBuffer dst, final int pos) {
        final MagnitudeFit fit = fitLayer(job);
        final int shapeIndex = M22Table.indexOf(fit.shape());
        final M22Table table = M22Table.of(family, shapeIndex, m, bits);
        final float scale = (float) fit.scale();
        final float inv = scale > 0 ? 1f / scale : 0f;
        if (!Float.isFinite(scale) || !Float.isFinite(inv)) {
            throw new SpecException(spec() + ": " + job.where() + ": the fitted scale " + fit.scale() + " is outside what a float scale can carry");
        }
        final double[] t = table.thresholds();
        final float[] thresholds = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            thresholds[i] = (float) t[i];
        }
        if (stochastic) {
            roundStochastically(job, table, scale, q);
        } else {
            QuantKernels.LLOYD_MAX.quantize(job.data, job.from, job.size, 0f, inv, thresholds, q);
        }
        dst.putFloat(pos, scale, ByteOrder.LITTLE_ENDIAN);
        dst.putShort(pos + 4, (short) shapeIndex, ByteOrder.LITTLE_ENDIAN);
        dst.putShort(pos + 6, (short) 0, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Between the two levels y_j &lt;= x &lt; y_(j+1) (in the decoder's float arithmetic), index j + 1 with
     * probability (x - y_j) / (y_(j+1) - y_j) from the shared rounding stream: E = x there. Outside the
     * outer levels x is clipped to them (the only bias left; the levels are designed for nearest rounding).
     */
    private static void roundStochastically(final LayerJob job, final M22Table table, final float scale, final int[] q) {
        final double[] l = table.levels();
        final float[] y = new float[l.length];
        for (int i = 0; i < l.length; i++) {
            y[i] = (float) (scale * l[i]);
        }
        final int key = job.key(Dither.STREAM_ROUNDING);
        final int top = y.length - 1;
        for (int i = 0; i < job.size; i++) {
            final float x = job.data.getAtIndex(GradientBuffer.FLOAT_LE, job.from + i);
            if (!(x > y[0])) {
                q[i] = 0;
            } else if (!(x < y[top])) {
                q[i] = top;
            } else {
                int j = 0;
                while (x >= y[j + 1]) {
                    j++;
                }
                final double up = ((double) x - y[j]) / ((double) y[j + 1] - y[j]);
                q[i] = Dither.unit(key, i) < up ? j + 1 : j;
            }
        }
    }

    @Override
    protected void reconstruct(final LayerJob job, final DirectBuffer src, final int pos, final int[] q) {
        final float scale = src.getFloat(pos, ByteOrder.LITTLE_ENDIAN);
        final int shapeIndex = src.getShort(pos + 4, ByteOrder.LITTLE_ENDIAN);
        require(Float.isFinite(scale) && scale >= 0, job, "scale " + scale + " is not finite and >= 0");
        require(Math.abs(shapeIndex) <= M22Table.MAX_INDEX && src.getShort(pos + 6, ByteOrder.LITTLE_ENDIAN) == 0, job,
                "shape index " + shapeIndex + " is outside [-" + M22Table.MAX_INDEX + ", " + M22Table.MAX_INDEX + "] or the reserved bytes are not 0");
        final double[] levels = M22Table.of(family, shapeIndex, m, bits).levels();
        requireRange(q, job.size, 0, levels.length - 1, job, "level index");
        final float[] out = new float[levels.length];
        for (int i = 0; i < levels.length; i++) {
            out[i] = (float) (scale * levels[i]);
        }
        for (int i = 0; i < job.size; i++) {
            job.data.setAtIndex(GradientBuffer.FLOAT_LE, job.from + i, out[q[i]]);
        }
    }
}
