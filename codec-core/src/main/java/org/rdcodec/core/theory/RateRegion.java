package org.rdcodec.core.theory;

import java.util.Locale;

/**
 * The rate region of Theorem 2 / Corollary 1 for given noise-quantization rates {@code r[k][l]}: the rates
 * {@code R_k} (bits per L-vector) such that for every non-empty subset A of workers
 * {@code sum_{k in A} R_k >= sum_l f_l(A)},
 * {@code f_l(A) = sum_{k in A} r_{k,l} + 1/2 log2(1/sx2_l + 1/D_l) - 1/2 log2(1/sx2_l + sum_{k not in A} z_{k,l})},
 * {@code z_{k,l} = (1 - 2^(-2 r_{k,l}))/sn2_{k,l}}, {@code 1/D_l = sum_k z_{k,l}}.
 *
 * <p>Each f_l is supermodular (a modular term minus a concave function of a sum over the complement), so the
 * per-layer regions are contra-polymatroids, and their Minkowski sum (any {@code R_k >= sum_l R_{k,l}} with
 * each layer's vector in its region) is described by the summed constraints checked here. Membership
 * enumerates all {@code 2^K - 1} subsets, so K is limited to {@value #MAX_WORKERS}.
 *
 * <p>The full region at distortion D is the union of these polytopes over all r with
 * {@code sum_l D_l(r) <= D}; every point of it has {@code sum_k R_k >= Rsum(D)}.
 */
public final class RateRegion {

    /** Largest K for subset enumeration: 2^20 subsets times K + L terms is about 10^7 operations. */
    public static final int MAX_WORKERS = 20;

    private final CeoModel model;
    private final double[][] r;
    private final double[][] z;
    private final double[] layerDistortion;

    private RateRegion(final CeoModel model, final double[][] r) {
        this.model = model;
        final int workers = model.workers();
        final int layers = model.layers();
        if (workers > MAX_WORKERS) {
            throw new TheoryInputException("rate region: membership enumerates 2^K subsets; K = " + workers
                    + " exceeds the limit of " + MAX_WORKERS + " workers");
        }
        if (r.length != workers) {
            throw new TheoryInputException("rate region: r has " + r.length + " rows for " + workers + " workers");
        }
        this.r = new double[workers][];
        this.z = new double[workers][layers];
        this.layerDistortion = new double[layers];
        for (int k = 0; k < workers; k++) {
            if (r[k].length != layers) {
                throw new TheoryInputException("rate region: r row of worker " + (k + 1) + " has " + r[k].length + " layers, expected " + layers);
            }
            this.r[k] = r[k].clone();
            for (int l = 0; l < layers; l++) {
                Checks.nonNegative(String.format(Locale.ROOT, "r of worker %d, layer %d", k + 1, l + 1), r[k][l]);
                z[k][l] = -Math.expm1(-2.0 * r[k][l] * Bits.LN2) / model.sn2(k, l);
            }
        }
        for (int l = 0; l < layers; l++) {
            double s = 0;
            for (int k = 0; k < workers; k++) {
                s += z[k][l];
            }
            layerDistortion[l] = 1.0 / s;
        }
    }

    /**
     * @param model the CEO model
     * @param r noise-quantization rates {@code r[k][l] >= 0} in bits
     * @return the region for these r
     * @throws TheoryInputException if K &gt; {@value #MAX_WORKERS} or r is invalid
     */
    public static RateRegion forNoiseRates(final CeoModel model, final double[][] r) {
        return new RateRegion(model, r);
    }

    /**
     * The region through the sum-rate optimal operating point.
     *
     * @param point a solved sum-rate point
     * @return the region for its r
     */
    public static RateRegion of(final SumRateResult point) {
        return new RateRegion(point.model(), point.noiseRates());
    }

    /** @return the distortion these r deliver, {@code sum_l D_l} */
    public double distortion() {
        double d = 0;
        for (final double v : layerDistortion) {
            d += v;
        }
        return d;
    }

    /**
     * @param layer l (0-based)
     * @return D_l delivered by these r
     */
    public double layerDistortion(final int layer) {
        return layerDistortion[layer];
    }

    /**
     * Right-hand side of the constraint for subset A.
     *
     * @param subset bit k set means worker k is in A (non-zero)
     * @return {@code sum_l f_l(A)} in bits
     */
    public double bound(final int subset) {
        final int workers = model.workers();
        if (subset == 0 || (subset >>> workers) != 0) {
            throw new TheoryInputException("rate region: subset mask " + Integer.toBinaryString(subset) + " is empty or names a worker beyond K = " + workers);
        }
        double total = 0;
        for (int l = 0; l < model.layers(); l++) {
            final double c = 1.0 / model.sx2(l);
            double outside = 0;
            for (int k = 0; k < workers; k++) {
                if ((subset & (1 << k)) != 0) {
                    total += r[k][l];
                } else {
                    outside += z[k][l];
                }
            }
            total += 0.5 * Bits.log2((c + 1.0 / layerDistortion[l]) / (c + outside));
        }
        return total;
    }

    /**
     * @param rates R_k in bits per L-vector
     * @param slack allowed shortfall per constraint (absorbs floating-point rounding; 0 for the exact test)
     * @return the first violated subset mask, or 0 if R is in the region
     */
    public int violatedSubset(final double[] rates, final double slack) {
        final int workers = model.workers();
        if (rates.length != workers) {
            throw new TheoryInputException("rate region: " + rates.length + " rates for " + workers + " workers");
        }
        for (int k = 0; k < workers; k++) {
            if (Double.isNaN(rates[k])) {
                throw new TheoryInputException("rate region: rate R of worker " + (k + 1) + " is NaN");
            }
        }
        Checks.nonNegative("slack", slack);
        for (int mask = 1; mask < (1 << workers); mask++) {
            double sum = 0;
            for (int k = 0; k < workers; k++) {
                if ((mask & (1 << k)) != 0) {
                    sum += rates[k];
                }
            }
            if (sum < bound(mask) - slack) {
                return mask;
            }
        }
        return 0;
    }

    /**
     * @param rates R_k in bits per L-vector
     * @param slack allowed shortfall per constraint
     * @return true if every subset constraint holds within the slack
     */
    public boolean contains(final double[] rates, final double slack) {
        return violatedSubset(rates, slack) == 0;
    }

    /**
     * @param rates R_k in bits per L-vector
     * @return true if every subset constraint holds exactly
     */
    public boolean contains(final double[] rates) {
        return contains(rates, 0.0);
    }

    /**
     * Membership at a target: R is in the region for these r and the r deliver distortion at most D.
     *
     * @param rates R_k in bits per L-vector
     * @param distortion target D
     * @param slack allowed shortfall per constraint and on the distortion (relative)
     * @return true if achievable with these r
     */
    public boolean achieves(final double[] rates, final double distortion, final double slack) {
        return distortion() <= distortion * (1.0 + slack) && contains(rates, slack);
    }
}
