package org.rdcodec.core.theory;

import java.util.Locale;

/**
 * The Gaussian CEO model of gradient aggregation: K workers, L layers; layer l of the gradient X is
 * i.i.d. {@code N(0, sx2_l)}, worker k sees {@code Y_k = X + N_k} with layer-l noise {@code N(0, sn2_{k,l})}.
 * Rates and distortions refer to one L-vector of the paper's segmentation (component l from layer l).
 *
 * <p>Immutable; validated on construction (every variance finite and &gt; 0, consistent shapes).
 */
public final class CeoModel {

    private final double[] sx2;
    private final double[][] sn2;

    private CeoModel(final double[] sx2, final double[][] sn2) {
        if (sx2.length == 0) {
            throw new TheoryInputException("model: at least one layer (one sx2 value) is needed");
        }
        Checks.workers(sn2.length);
        this.sx2 = sx2.clone();
        for (int l = 0; l < sx2.length; l++) {
            Checks.positive(String.format(Locale.ROOT, "sx2 of layer %d", l + 1), sx2[l]);
        }
        this.sn2 = new double[sn2.length][];
        for (int k = 0; k < sn2.length; k++) {
            if (sn2[k] == null || sn2[k].length != sx2.length) {
                throw new TheoryInputException(String.format(Locale.ROOT,
                        "model: worker %d has %d noise variances but there are %d layers",
                        k + 1, sn2[k] == null ? 0 : sn2[k].length, sx2.length));
            }
            this.sn2[k] = sn2[k].clone();
            for (int l = 0; l < sx2.length; l++) {
                Checks.positive(String.format(Locale.ROOT, "sn2 of worker %d, layer %d", k + 1, l + 1), sn2[k][l]);
            }
        }
    }

    /**
     * General model.
     *
     * @param sx2 gradient variance per layer
     * @param sn2 noise variance {@code sn2[k][l]} of worker k on layer l
     * @return the model
     * @throws TheoryInputException if a value or the shape is invalid
     */
    public static CeoModel of(final double[] sx2, final double[][] sn2) {
        if (sx2 == null || sn2 == null) {
            throw new TheoryInputException("model: sx2 and sn2 must be given");
        }
        return new CeoModel(sx2, sn2);
    }

    /**
     * Every worker has the same noise variance on every layer.
     *
     * @param workers K
     * @param sx2 gradient variance per layer
     * @param sn2 noise variance
     * @return the model
     */
    public static CeoModel homogeneous(final int workers, final double[] sx2, final double sn2) {
        Checks.workers(workers);
        final double[][] n = new double[workers][sx2.length];
        for (final double[] row : n) {
            java.util.Arrays.fill(row, sn2);
        }
        return of(sx2, n);
    }

    /**
     * Worker k has noise variance {@code sn2[k]} on every layer.
     *
     * @param sx2 gradient variance per layer
     * @param sn2 one noise variance per worker
     * @return the model
     */
    public static CeoModel perWorker(final double[] sx2, final double[] sn2) {
        final double[][] n = new double[sn2.length][sx2.length];
        for (int k = 0; k < sn2.length; k++) {
            java.util.Arrays.fill(n[k], sn2[k]);
        }
        return of(sx2, n);
    }

    /** @return K */
    public int workers() {
        return sn2.length;
    }

    /** @return L */
    public int layers() {
        return sx2.length;
    }

    /**
     * @param layer l (0-based)
     * @return sx2_l
     */
    public double sx2(final int layer) {
        return sx2[layer];
    }

    /**
     * @param worker k (0-based)
     * @param layer l (0-based)
     * @return sn2_{k,l}
     */
    public double sn2(final int worker, final int layer) {
        return sn2[worker][layer];
    }

    /**
     * @param layer l (0-based)
     * @return the noise variances of all workers on layer l (a copy)
     */
    public double[] layerNoise(final int layer) {
        final double[] out = new double[sn2.length];
        for (int k = 0; k < sn2.length; k++) {
            out[k] = sn2[k][layer];
        }
        return out;
    }

    /**
     * Least distortion of layer l: all workers lossless, combined by inverse-variance weights.
     *
     * @param layer l (0-based)
     * @return {@code 1 / sum_k (1/sn2_{k,l})}
     */
    public double minLayerDistortion(final int layer) {
        double precision = 0;
        for (final double[] row : sn2) {
            precision += 1.0 / row[layer];
        }
        return 1.0 / precision;
    }

    /**
     * Least achievable total distortion (an infimum: rates diverge as D approaches it).
     *
     * @return {@code D_min = sum_l 1 / sum_k (1/sn2_{k,l})}
     */
    public double minDistortion() {
        double d = 0;
        for (int l = 0; l < sx2.length; l++) {
            d += minLayerDistortion(l);
        }
        return d;
    }

    /** @return true if, on every layer, all workers have the same noise variance */
    public boolean isHomogeneous() {
        for (int l = 0; l < sx2.length; l++) {
            for (int k = 1; k < sn2.length; k++) {
                if (sn2[k][l] != sn2[0][l]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Checks that a target distortion is achievable.
     *
     * @param distortion target D
     * @return D
     * @throws TheoryInputException if D is not a finite number &gt; 0
     * @throws InfeasibleTargetException if D &lt;= D_min
     */
    public double checkTarget(final double distortion) {
        Checks.positive("distortion D", distortion);
        final double min = minDistortion();
        if (!(distortion > min)) {
            throw new InfeasibleTargetException(distortion, min);
        }
        return distortion;
    }
}
