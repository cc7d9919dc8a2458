package org.rdcodec.cli;

import java.util.List;

/**
 * What {@code rdc bound} reports (also its JSON form). Rates are bits per L-vector of the paper's
 * segmentation and per coordinate (per vector / L); distortions are per L-vector (sum of per-coordinate
 * layer MSEs).
 *
 * @param workers K
 * @param layerCount L
 * @param homogeneous true if all workers share each layer's noise variance
 * @param target how the distortion was chosen: "distortion", "rho" or "sign"
 * @param distortion D = sum_l D_l
 * @param minDistortion D_min = sum_l 1/sum_k (1/sn2_{k,l})
 * @param rho D / D_min - 1 (equals D K / sn2 - 1 in the homogeneous case)
 * @param rsumBitsPerVector Rsum(D)
 * @param rsumBitsPerCoordinate Rsum(D) / L
 * @param rinBitsPerVector Rin(D), homogeneous one-layer case only, else null
 * @param rinBitsPerCoordinate Rin(D) / L, or null
 * @param signBitsPerVector SignSGD's rate K * L bits per vector when the target is "sign", else null
 * @param layers per-layer results
 */
record BoundReport(int workers, int layerCount, boolean homogeneous, String target, double distortion, double minDistortion,
        double rho, double rsumBitsPerVector, double rsumBitsPerCoordinate, Double rinBitsPerVector, Double rinBitsPerCoordinate,
        Double signBitsPerVector, List<Layer> layers) {

    /**
     * One layer of the sum-rate optimal point.
     *
     * @param layer 1-based layer number
     * @param sx2 gradient variance
     * @param sn2 noise variance per worker
     * @param distortion D_l
     * @param distortionShare D_l / D
     * @param minDistortion the layer's D_min,l
     * @param theta water level
     * @param sumRateBits the layer's sum-rate (bits per coordinate of this layer)
     * @param r per-worker noise-quantization rate r_{k,l} in bits (0: the worker need not send this layer)
     */
    record Layer(int layer, double sx2, double[] sn2, double distortion, double distortionShare, double minDistortion,
            double theta, double sumRateBits, double[] r) {
    }
}
