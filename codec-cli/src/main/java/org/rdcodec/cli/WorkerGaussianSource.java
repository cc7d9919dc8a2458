package org.rdcodec.cli;

import java.util.SplittableRandom;

import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Dither;
import org.rdcodec.transport.GradientSource;

/**
 * One worker's share of {@link GaussianCeoSource}: the same X and Y_k, bit for bit, without drawing the
 * other workers' noise (X, then k + 1 splits of the same generator). With {@code replay} R &gt; 0 the R
 * source rounds are drawn once and round t replays source round t mod R, so the round time of a transport
 * run measures the transport and the codec, not the Gaussian generator.
 */
final class WorkerGaussianSource implements GradientSource {

    private final GradientLayout layout;
    private final double[] sx2;
    private final double[] sn2;
    private final int worker;
    private final long seed;
    private final int replay;
    private final float[][] replayed;

    /**
     * @param layout the layout
     * @param sx2 per-layer variance of X
     * @param sn2 this worker's per-layer noise variance, or null for X itself (the server's reference)
     * @param worker k (ignored for X)
     * @param seed the source seed
     * @param replay R source rounds to replay, 0 for a fresh draw each round
     */
    WorkerGaussianSource(final GradientLayout layout, final double[] sx2, final double[] sn2, final int worker, final long seed,
            final int replay) {
        this.layout = layout;
        this.sx2 = sx2.clone();
        this.sn2 = sn2 == null ? null : sn2.clone();
        this.worker = worker;
        this.seed = seed;
        this.replay = replay;
        this.replayed = new float[replay][];
        for (int r = 0; r < replay; r++) {
            replayed[r] = draw(r);
        }
    }

    @Override
    public void gradient(final long round, final GradientBuffer out) {
        out.copyFrom(replay > 0 ? replayed[(int) (round % replay)] : draw(round));
    }

    private float[] draw(final long round) {
        final SplittableRandom rx = new SplittableRandom(Dither.mix64(seed ^ Dither.mix64(round)));
        final int p = layout.totalSize();
        final float[] xs = new float[p];
        for (int l = 0; l < layout.layerCount(); l++) {
            final double s = Math.sqrt(sx2[l]);
            for (int i = layout.offset(l); i < layout.offset(l + 1); i++) {
                xs[i] = (float) (s * rx.nextGaussian());
            }
        }
        if (sn2 == null) {
            return xs;
        }
        SplittableRandom rn = null;
        for (int k = 0; k <= worker; k++) {
            rn = rx.split(); // the generator of worker k in GaussianCeoSource
        }
        final float[] ys = new float[p];
        for (int l = 0; l < layout.layerCount(); l++) {
            final double s = Math.sqrt(sn2[l]);
            for (int i = layout.offset(l); i < layout.offset(l + 1); i++) {
                ys[i] = (float) (xs[i] + s * rn.nextGaussian());
            }
        }
        return ys;
    }
}
