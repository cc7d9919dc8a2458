package org.rdcodec.sw.ceo;

import java.util.SplittableRandom;

/** Test source: X ~ N(0, sx2), Y_k = X + N_k, N_k ~ N(0, sn2_k), one layer, fixed seed per round. */
final class CeoSource {

    final float[] x;
    final float[][] y;

    CeoSource(final int p, final double sx2, final double[] sn2, final long seed) {
        final SplittableRandom rng = new SplittableRandom(seed);
        x = new float[p];
        y = new float[sn2.length][p];
        final double sx = Math.sqrt(sx2);
        for (int i = 0; i < p; i++) {
            x[i] = (float) (sx * rng.nextGaussian());
        }
        for (int k = 0; k < sn2.length; k++) {
            final double sn = Math.sqrt(sn2[k]);
            for (int i = 0; i < p; i++) {
                y[k][i] = (float) (x[i] + sn * rng.nextGaussian());
            }
        }
    }

    static double[] homogeneous(final int k, final double sn2) {
        final double[] out = new double[k];
        java.util.Arrays.fill(out, sn2);
        return out;
    }
}
