package org.rdcodec.core.theory;

import java.util.List;

/**
 * The sum-rate optimal operating point of a {@link CeoModel} at total distortion D: the split of D across
 * layers and each layer's water-filling allocation. Rates are bits per L-vector (the paper's unit) and per
 * coordinate (per vector / L).
 */
public final class SumRateResult {

    private final CeoModel model;
    private final double distortion;
    private final List<LayerAllocation> layers;
    private final double sumRate;

    SumRateResult(final CeoModel model, final double distortion, final List<LayerAllocation> layers) {
        this.model = model;
        this.distortion = distortion;
        this.layers = List.copyOf(layers);
        double s = 0;
        for (final LayerAllocation a : layers) {
            s += a.sumRate();
        }
        this.sumRate = s;
    }

    /** @return the model */
    public CeoModel model() {
        return model;
    }

    /** @return the total distortion D = sum_l D_l */
    public double distortion() {
        return distortion;
    }

    /** @return D_min of the model */
    public double minDistortion() {
        return model.minDistortion();
    }

    /** @return the per-layer allocations, layer order */
    public List<LayerAllocation> layers() {
        return layers;
    }

    /**
     * @param layer l (0-based)
     * @return the allocation of layer l
     */
    public LayerAllocation layer(final int layer) {
        return layers.get(layer);
    }

    /**
     * @param layer l (0-based)
     * @return D_l / D
     */
    public double distortionShare(final int layer) {
        return layers.get(layer).distortion() / distortion;
    }

    /** @return Rsum(D) in bits per L-vector */
    public double sumRateBitsPerVector() {
        return sumRate;
    }

    /** @return Rsum(D) / L, bits per coordinate */
    public double sumRateBitsPerCoordinate() {
        return sumRate / layers.size();
    }

    /** @return {@code r[k][l]} in bits (a fresh array) */
    public double[][] noiseRates() {
        final double[][] r = new double[model.workers()][model.layers()];
        for (int l = 0; l < layers.size(); l++) {
            for (int k = 0; k < model.workers(); k++) {
                r[k][l] = layers.get(l).r(k);
            }
        }
        return r;
    }

    /** @return {@code z[k][l]} (a fresh array) */
    public double[][] precisions() {
        final double[][] z = new double[model.workers()][model.layers()];
        for (int l = 0; l < layers.size(); l++) {
            for (int k = 0; k < model.workers(); k++) {
                z[k][l] = layers.get(l).z(k);
            }
        }
        return z;
    }
}
