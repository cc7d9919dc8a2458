package org.rdcodec.core.theory;

/** Solution of Problem P1 ({@link WeightedBoundary}): the optimal corner point for given weights. */
public final class WeightedBoundaryResult {

    private final double[] weights;
    private final double distortion;
    private final double[] layerDistortion;
    private final double[][] z;
    private final int[] decodeOrder;
    private final double[][] cornerRates;
    private final double value;
    private final double kktGap;

    WeightedBoundaryResult(final double[] weights, final double distortion, final double[] layerDistortion, final double[][] z,
            final int[] decodeOrder, final double[][] cornerRates, final double value, final double kktGap) {
        this.weights = weights;
        this.distortion = distortion;
        this.layerDistortion = layerDistortion;
        this.z = z;
        this.decodeOrder = decodeOrder;
        this.cornerRates = cornerRates;
        this.value = value;
        this.kktGap = kktGap;
    }

    /** @return the weighted sum-rate {@code sum_k a_k R_k} at the optimum, bits per L-vector */
    public double value() {
        return value;
    }

    /** @return the target D */
    public double distortion() {
        return distortion;
    }

    /**
     * @param layer l (0-based)
     * @return D_l at the optimum
     */
    public double layerDistortion(final int layer) {
        return layerDistortion[layer];
    }

    /** @return {@code z[k][l]} at the optimum (a copy) */
    public double[][] precisions() {
        final double[][] out = new double[z.length][];
        for (int k = 0; k < z.length; k++) {
            out[k] = z[k].clone();
        }
        return out;
    }

    /** @return the decode order (worker indices, first decoded first) of the optimal corner point */
    public int[] decodeOrder() {
        return decodeOrder.clone();
    }

    /** @return the corner rates {@code R[k][l]} in bits (a copy) */
    public double[][] cornerRates() {
        final double[][] out = new double[cornerRates.length][];
        for (int k = 0; k < cornerRates.length; k++) {
            out[k] = cornerRates[k].clone();
        }
        return out;
    }

    /** @return {@code R_k = sum_l R[k][l]}, bits per L-vector */
    public double[] workerRates() {
        return CornerRates.workerTotals(cornerRates);
    }

    /** @return the weights a_k used (a copy) */
    public double[] weights() {
        return weights.clone();
    }

    /** @return the largest final KKT gap of the per-layer solvers, in bits per unit precision */
    public double kktGap() {
        return kktGap;
    }
}
