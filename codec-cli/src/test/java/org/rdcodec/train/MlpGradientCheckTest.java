package org.rdcodec.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The MLP's float backward pass against central finite differences of an independent double-precision
 * forward pass written here (so the check is not limited by float rounding of the loss).
 */
class MlpGradientCheckTest {

    private static final int[] SIZES = {37, 9, 6, 4};
    private static final int EXAMPLES = 20;
    /** Finite-difference step: truncation error ~ H^2 * |f'''| ~ 1e-10, cancellation ~ 1e-16 / H ~ 1e-11 in double. */
    private static final double H = 1e-5;
    /**
     * Each float gradient coordinate is a sum of at most EXAMPLES * max(width) = 20 * 37 products of values of
     * size ~1 computed through a few float layers; Higham's bound n u with n ~ 800 and u = 2^-24 gives ~5e-5 of the
     * coordinate scale. Relative to max(1e-2, |g|): 1e-4 (two-fold margin on the bound, far below any real bug).
     */
    private static final double REL_TOL = 1e-4;

    private static LabeledImages data() {
        final SplittableRandom r = new SplittableRandom(9);
        final byte[] px = new byte[EXAMPLES * SIZES[0]];
        r.nextBytes(px);
        final byte[] lab = new byte[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            lab[i] = (byte) r.nextInt(SIZES[SIZES.length - 1]);
        }
        return new LabeledImages(EXAMPLES, SIZES[0], px, lab, SIZES[SIZES.length - 1]);
    }

    /** Mean loss in double with the MLP's parameters (same layout) but double arithmetic throughout. */
    private static double lossInDouble(final double[] w, final LabeledImages d) {
        final var layout = Mlp.layoutOf(SIZES);
        double total = 0;
        final float[] xf = new float[SIZES[0]];
        for (int s = 0; s < d.count(); s++) {
            d.copyFeatures(s, xf, 0);
            double[] x = new double[SIZES[0]];
            for (int i = 0; i < x.length; i++) {
                x[i] = xf[i];
            }
            for (int j = 0; j + 1 < SIZES.length; j++) {
                final double[] z = new double[SIZES[j + 1]];
                for (int o = 0; o < z.length; o++) {
                    double v = w[layout.offset(2 * j + 1) + o];
                    for (int i = 0; i < x.length; i++) {
                        v += w[layout.offset(2 * j) + o * x.length + i] * x[i];
                    }
                    z[o] = j + 2 < SIZES.length ? Math.max(0, v) : v;
                }
                x = z;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (final double v : x) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (final double v : x) {
                sum += Math.exp(v - max);
            }
            total += Math.log(sum) + max - x[d.label(s)];
        }
        return total / d.count();
    }

    @Test
    void backwardMatchesFiniteDifferencesOnEveryCoordinate() {
        for (final MatrixKernel kernel : new MatrixKernel[] {new ScalarMatrixKernel(), MatrixKernels.get()}) {
            final Mlp mlp = Mlp.create(SIZES, 42, kernel);
            final LabeledImages d = data();
            final int[] idx = new int[EXAMPLES];
            for (int i = 0; i < EXAMPLES; i++) {
                idx[i] = i;
            }
            final float[] g = new float[mlp.layout().totalSize()];
            final double loss = mlp.gradient(d, idx, 0, EXAMPLES, g);
            final float[] p = mlp.parameters();
            final double[] w = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                w[i] = p[i];
            }
            assertEquals(lossInDouble(w, d), loss, 1e-5, "loss");
            double maxErr = 0;
            for (int i = 0; i < w.length; i++) {
                final double keep = w[i];
                w[i] = keep + H;
                final double up = lossInDouble(w, d);
                w[i] = keep - H;
                final double down = lossInDouble(w, d);
                w[i] = keep;
                final double fd = (up - down) / (2 * H);
                final double err = Math.abs(fd - g[i]) / Math.max(1e-2, Math.abs(fd));
                maxErr = Math.max(maxErr, err);
                assertTrue(err <= REL_TOL, "coordinate " + i + " (" + mlp.layout().name(layerOf(mlp, i)) + "): backward " + g[i] + " vs fd " + fd);
            }
            assertTrue(maxErr > 0, "the check compared something");
        }
    }

    private static int layerOf(final Mlp mlp, final int i) {
        int l = 0;
        while (mlp.layout().offset(l + 1) <= i) {
            l++;
        }
        return l;
    }

    @Test
    void sameSeedSameNetworkAndLayoutNames() {
        final Mlp a = Mlp.create(new int[] {784, 256, 128, 10}, 7);
        final Mlp b = Mlp.create(new int[] {784, 256, 128, 10}, 7);
        assertEquals(java.util.Arrays.hashCode(a.parameters()), java.util.Arrays.hashCode(b.parameters()));
        assertEquals(784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10, a.layout().totalSize());
        assertEquals(java.util.List.of("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"), a.layout().names());
    }
}
