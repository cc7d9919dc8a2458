package org.rdcodec.cli;

import java.util.SplittableRandom;

import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Dither;

/**
 * The Gaussian CEO source of theory.md section 1: per round, X with layer l i.i.d. N(0, sx2_l), and for
 * each worker Y_k = X + N_k with N_k layer l i.i.d. N(0, sn2_{k,l}), all from (seed, round). Owns its
 * off-heap buffers; close it.
 */
final class GaussianCeoSource implements AutoCloseable {

    private final GradientLayout layout;
    private final double[] sx2;
    private final double[][] sn2;
    private final long seed;
    private final GradientBuffer x;
    private final GradientBuffer[] y;

    GaussianCeoSource(final GradientLayout layout, final double[] sx2, final double[][] sn2, final long seed) {
        if (sx2.length != layout.layerCount()) {
            throw new CliInputException("--sx2 gives " + sx2.length + " values but there are " + layout.layerCount() + " layers");
        }
        this.layout = layout;
        this.sx2 = sx2.clone();
        this.sn2 = sn2;
        this.seed = seed;
        this.x = GradientBuffer.allocate(layout.totalSize());
        this.y = new GradientBuffer[sn2.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = GradientBuffer.allocate(layout.totalSize());
        }
    }

    /**
     * Draws round {@code round}'s X and Y_k.
     *
     * @param round the round
     */
    void draw(final long round) {
        final SplittableRandom rx = new SplittableRandom(Dither.mix64(seed ^ Dither.mix64(round)));
        final int p = layout.totalSize();
        final float[] xs = new float[p];
        for (int l = 0; l < layout.layerCount(); l++) {
            final double s = Math.sqrt(sx2[l]);
            for (int i = layout.offset(l); i < layout.offset(l + 1); i++) {
                xs[i] = (float) (s * rx.nextGaussian());
            }
        }
        x.copyFrom(xs);
        final float[] ys = new float[p];
        for (int k = 0; k < y.length; k++) {
            final SplittableRandom rn = rx.split();
            for (int l = 0; l < layout.layerCount(); l++) {
                final double s = Math.sqrt(sn2[k][l]);
                for (int i = layout.offset(l); i < layout.offset(l + 1); i++) {
                    ys[i] = (float) (xs[i] + s * rn.nextGaussian());
                }
            }
            y[k].copyFrom(ys);
        }
    }

    GradientBuffer x() {
        return x;
    }

    GradientBuffer y(final int worker) {
        return y[worker];
    }

    int workers() {
        return y.length;
    }

    @Override
    public void close() {
        x.close();
        for (final GradientBuffer b : y) {
            b.close();
        }
    }
}
