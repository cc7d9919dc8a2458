package org.rdcodec.cli;

import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Codecs;
import org.rdcodec.core.quant.GradientCodec;
import org.rdcodec.core.quant.GradientDecoder;
import org.rdcodec.core.quant.UnbiasedCombiner;
import org.rdcodec.core.quant.WorkerEncoder;
import org.rdcodec.core.spec.CodecSpec;
import org.rdcodec.core.theory.HomogeneousBounds;
import org.rdcodec.core.theory.InfeasibleTargetException;
import org.rdcodec.core.theory.WaterFilling;

/**
 * Runs K workers and a server on the Gaussian CEO source: every worker encodes Y_k into a real frame,
 * the server decodes every frame and combines (inverse-variance weights estimated from the decoded data
 * for unbiased codecs, the plain mean otherwise). All figures come from the frames' bytes and the
 * actual reconstructions.
 */
final class Simulation {

    /** Figures of one round. */
    record Round(long round, double mse, double[] distortionPerLayer, double bitsPerCoordinate, Double rsumBitsPerCoordinate,
            Double rinBitsPerCoordinate, double slope, double slopeStdErr, double meanError, double meanErrorStdErr,
            double encodeSeconds, double decodeSeconds, long[] frameBytesPerWorker) {
    }

    private final GradientLayout layout;
    private final double[] sx2;
    private final double[][] sn2;
    private final CodecSpec spec;
    private final long seed;

    Simulation(final GradientLayout layout, final double[] sx2, final double[][] sn2, final CodecSpec spec, final long seed) {
        this.layout = layout;
        this.sx2 = sx2;
        this.sn2 = sn2;
        this.spec = spec;
        this.seed = seed;
    }

    List<Round> run(final int rounds) {
        final int k = sn2.length;
        final GradientCodec codec = Codecs.create(spec);
        final List<Round> out = new ArrayList<>();
        final WorkerEncoder[] encoders = new WorkerEncoder[k];
        final GradientBuffer[] decoded = new GradientBuffer[k];
        try (GaussianCeoSource source = new GaussianCeoSource(layout, sx2, sn2, seed);
             GradientBuffer estimate = GradientBuffer.allocate(layout.totalSize())) {
            for (int j = 0; j < k; j++) {
                encoders[j] = codec.newEncoder(layout, j, seed);
                decoded[j] = GradientBuffer.allocate(layout.totalSize());
            }
            final UnsafeBuffer[] frames = new UnsafeBuffer[k];
            final int[] lengths = new int[k];
            for (int j = 0; j < k; j++) {
                frames[j] = new UnsafeBuffer(new byte[encoders[j].maxFrameBytes()]);
            }
            final GradientDecoder decoder = codec.newDecoder(layout, seed);
            for (int t = 0; t < rounds; t++) {
                source.draw(t);
                final long e0 = System.nanoTime();
                for (int j = 0; j < k; j++) {
                    lengths[j] = encoders[j].encode(source.y(j), t, frames[j], 0, frames[j].capacity());
                }
                final long e1 = System.nanoTime();
                for (int j = 0; j < k; j++) {
                    decoder.decode(frames[j], 0, lengths[j], decoded[j]);
                }
                if (codec.unbiased()) {
                    UnbiasedCombiner.combineWeighted(layout, decoded, estimate);
                } else {
                    UnbiasedCombiner.combineMean(layout, decoded, estimate);
                }
                final long e2 = System.nanoTime();
                out.add(measure(t, source.x(), estimate, lengths, (e1 - e0) * 1e-9, (e2 - e1) * 1e-9));
            }
        } finally {
            for (int j = 0; j < k; j++) {
                if (encoders[j] != null) {
                    encoders[j].close();
                }
                if (decoded[j] != null) {
                    decoded[j].close();
                }
            }
        }
        return out;
    }

    Round measure(final long round, final GradientBuffer x, final GradientBuffer xhat, final int[] lengths,
            final double encodeSeconds, final double decodeSeconds) {
        final int p = layout.totalSize();
        final double[] dl = new double[layout.layerCount()];
        double sumE = 0;
        double sumE2 = 0;
        double sumXE = 0;
        double sumXX = 0;
        double sumXXEE = 0;
        for (int l = 0; l < layout.layerCount(); l++) {
            double s = 0;
            for (int i = layout.offset(l); i < layout.offset(l + 1); i++) {
                final double xi = x.get(i);
                final double e = xhat.get(i) - xi;
                s += e * e;
                sumE += e;
                sumXE += xi * e;
                sumXX += xi * xi;
                sumXXEE += xi * xi * e * e;
            }
            sumE2 += s;
            dl[l] = s / layout.size(l);
        }
        long bytes = 0;
        final long[] perWorker = new long[lengths.length];
        for (int j = 0; j < lengths.length; j++) {
            bytes += lengths[j];
            perWorker[j] = lengths[j];
        }
        final double meanError = sumE / p;
        final double errVar = sumE2 / p - meanError * meanError;
        return new Round(round, sumE2 / p, dl, bytes * 8.0 / p, rsum(dl), rin(dl), 1 + sumXE / sumXX, Math.sqrt(sumXXEE) / sumXX,
                meanError, Math.sqrt(errVar / p), encodeSeconds, decodeSeconds, perWorker);
    }

    /** Rsum at the measured per-layer distortions, per coordinate; null where a layer's D is below the minimum. */
    private Double rsum(final double[] dl) {
        double bits = 0;
        for (int l = 0; l < dl.length; l++) {
            final double[] noise = new double[sn2.length];
            for (int k = 0; k < sn2.length; k++) {
                noise[k] = sn2[k][l];
            }
            try {
                bits += WaterFilling.solve(noise, sx2[l], dl[l]).sumRate() * layout.size(l);
            } catch (final InfeasibleTargetException e) {
                return null; // a biased codec can land below the least unbiased distortion
            }
        }
        return bits / layout.totalSize();
    }

    /** Rin (homogeneous workers only), per coordinate; null otherwise or below the minimum. */
    private Double rin(final double[] dl) {
        double bits = 0;
        for (int l = 0; l < dl.length; l++) {
            final double s = sn2[0][l];
            for (final double[] row : sn2) {
                if (row[l] != s) {
                    return null;
                }
            }
            if (!(dl[l] > HomogeneousBounds.minDistortion(sn2.length, s))) {
                return null;
            }
            bits += HomogeneousBounds.independentRate(sn2.length, sx2[l], s, dl[l]) * layout.size(l);
        }
        return bits / layout.totalSize();
    }
}
