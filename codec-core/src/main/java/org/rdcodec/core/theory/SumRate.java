package org.rdcodec.core.theory;

import java.util.ArrayList;
import java.util.List;

/**
 * The sum-rate-distortion function of the heterogeneous multi-layer CEO model (Problem P1 with equal
 * weights): per layer, exact water-filling ({@link WaterFilling}); across layers, the split of D with equal
 * marginal rates ({@link LayerSplit}: nested safeguarded regula falsi to relative precision {@value LayerSplit#LOG_TOLERANCE}).
 */
public final class SumRate {

    private SumRate() {
    }

    /**
     * @param model the CEO model
     * @param distortion total target distortion D = sum_l D_l
     * @return the optimal operating point and Rsum(D)
     * @throws InfeasibleTargetException if D &lt;= D_min (the message names D_min)
     * @throws TheoryInputException if D is NaN, infinite or &lt;= 0
     */
    public static SumRateResult solve(final CeoModel model, final double distortion) {
        model.checkTarget(distortion);
        final int layers = model.layers();
        final double[][] noise = new double[layers][];
        final double[] minLayer = new double[layers];
        for (int l = 0; l < layers; l++) {
            noise[l] = model.layerNoise(l);
            minLayer[l] = model.minLayerDistortion(l);
        }
        final double[] split = LayerSplit.split(minLayer, distortion,
                (l, d) -> WaterFilling.marginal(WaterFilling.solve(noise[l], model.sx2(l), d), model.sx2(l)));
        final List<LayerAllocation> out = new ArrayList<>(layers);
        for (int l = 0; l < layers; l++) {
            out.add(WaterFilling.solve(noise[l], model.sx2(l), split[l]));
        }
        return new SumRateResult(model, distortion, out);
    }

    /**
     * Convenience: Rsum(D) in bits per L-vector.
     *
     * @param model the CEO model
     * @param distortion total target distortion D
     * @return Rsum(D)
     */
    public static double bitsPerVector(final CeoModel model, final double distortion) {
        return solve(model, distortion).sumRateBitsPerVector();
    }
}
