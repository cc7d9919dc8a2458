package org.rdcodec.core.quant;

import java.util.SplittableRandom;

/**
 * Monte-Carlo estimate of the ideal rate of a dithered lattice quantizer on an iid Gaussian source,
 * H(p | u) / n = (h(Y + E) - log2 vol) / n (theory.md section 7: the ECDQ rate is I(Y; Y + E)), with E
 * uniform on the cell of the lattice scaled to unit volume times s. h(Y + E) = -E log2 f(Y + E) with
 * f(z) = E_E[prod_j phi_sigma(z_j - E_j)], both expectations by sampling.
 */
final class EcdqOracle {

    private EcdqOracle() {
    }

    /**
     * @param lattice the lattice
     * @param s step (scale of the unit-volume lattice)
     * @param sigma source standard deviation
     * @param outer samples of Y + E
     * @param inner samples of E per density evaluation
     * @param seed seed
     * @return estimated bits per coordinate
     */
    static double rate(final Lattice lattice, final double s, final double sigma, final int outer, final int inner, final long seed) {
        final int n = lattice.dim();
        final double a = s * lattice.unitScale();
        final SplittableRandom r = new SplittableRandom(seed);
        final double[][] cell = new double[inner][];
        for (int k = 0; k < inner; k++) {
            cell[k] = cellSample(lattice, a, r);
        }
        double sumLog = 0;
        final double[] z = new double[n];
        final double norm = -n * Math.log(sigma * Math.sqrt(2 * Math.PI));
        for (int o = 0; o < outer; o++) {
            final double[] e = cellSample(lattice, a, r);
            for (int j = 0; j < n; j++) {
                z[j] = sigma * r.nextGaussian() + e[j];
            }
            // log-sum-exp over the inner samples
            double max = Double.NEGATIVE_INFINITY;
            final double[] lg = new double[inner];
            for (int k = 0; k < inner; k++) {
                double q = 0;
                for (int j = 0; j < n; j++) {
                    final double d = z[j] - cell[k][j];
                    q += d * d;
                }
                lg[k] = -q / (2 * sigma * sigma);
                max = Math.max(max, lg[k]);
            }
            double sum = 0;
            for (int k = 0; k < inner; k++) {
                sum += Math.exp(lg[k] - max);
            }
            sumLog += norm + max + Math.log(sum / inner);
        }
        final double h = -sumLog / outer / Math.log(2);
        final double logVol = n * Math.log(s) / Math.log(2);
        return (h - logVol) / n;
    }

    /** A point uniform on the Voronoi cell of the lattice scaled by a: w - Q(w), w uniform on [0, period)^n. */
    static double[] cellSample(final Lattice lattice, final double a, final SplittableRandom r) {
        final int n = lattice.dim();
        final float[] w = new float[n];
        for (int j = 0; j < n; j++) {
            w[j] = (float) (lattice.period() * r.nextDouble());
        }
        final int[] t = new int[n];
        ScalarLatticeKernel.nearestBlock(lattice, w, t);
        final double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = a * (w[j] - 0.5 * t[j]);
        }
        return e;
    }
}
