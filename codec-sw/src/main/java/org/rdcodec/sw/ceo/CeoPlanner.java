package org.rdcodec.sw.ceo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.rdcodec.core.theory.CeoModel;
import org.rdcodec.core.theory.LayerAllocation;
import org.rdcodec.core.theory.SumRate;
import org.rdcodec.core.theory.SumRateResult;
import org.rdcodec.core.theory.WaterFilling;

/**
 * Plans a round from the ESTIMATED statistics (theory.md sections 3 and 6): the sum-rate optimum splits D
 * over layers and water-fills each layer's precision budget 1/D_l over the workers,
 * z_k = max(0, 1/sn2_k - theta); the test channel U_k = Y_k + V_k with 1/(sn2_k + sv2_k) = z_k gives the
 * dither variance sv2_k = 1/z_k - sn2_k and the scalar step sqrt(12 sv2_k). Workers with z_k = 0 send nothing.
 * With {@code quantizer=e8} the plan is the same: its step stays this scalar-equivalent sqrt(12 sv2_k), and the
 * E8 workers scale the lattice by Delta = sqrt(sv2_k / G_E8) ({@code CeoE8.latticeStep}), whose cell has the same
 * per-dimension variance sv2_k.
 * The unbiased combination weights are alpha_k = z_k / sum_j z_j, and then the estimator's variance is
 * (sum_k z_k)^-1 = D_l. Decoding order: most precise (largest z) first, so later workers see the best side
 * information early.
 */
public final class CeoPlanner {

    private CeoPlanner() {
    }

    /**
     * @param spec the target
     * @param stats the server's estimates (if not {@link CeoStatistics#ready()}, a bootstrap plan)
     * @param round the round
     * @return the plan
     * @throws org.rdcodec.core.theory.InfeasibleTargetException if the target is below the estimated least distortion
     */
    public static CeoPlan plan(final CeoSpec spec, final CeoStatistics stats, final long round) {
        return plan(spec, stats, round, null);
    }

    /**
     * Plans for a subset of the workers (e.g. without those a transport declared lost): the others are silent
     * (step 0, weight 0, in no order) and the water-filling and the rho target use the present workers only.
     *
     * @param spec the target
     * @param stats the server's estimates (if not ready for every present worker, a bootstrap plan)
     * @param round the round
     * @param present per worker whether to plan for it; null = all
     * @return the plan
     * @throws IllegalArgumentException if fewer than 3 workers are present (the statistics need 3)
     */
    public static CeoPlan plan(final CeoSpec spec, final CeoStatistics stats, final long round, final boolean[] present) {
        final int all = stats.workers();
        if (present == null || IntStream.range(0, all).allMatch(j -> present[j])) {
            return planAll(spec, stats, round);
        }
        final int[] idx = IntStream.range(0, all).filter(j -> present[j]).toArray();
        if (idx.length < 3) {
            throw new IllegalArgumentException("a ceo plan needs at least 3 workers present, got " + idx.length);
        }
        final CeoStatistics sub = stats.subset(idx);
        final CeoPlan p = planAll(spec, sub, round);
        final int layers = stats.layers();
        final double[][] step = new double[all][layers];
        final double[][] weight = new double[all][layers];
        final double[][] sn2 = new double[all][layers];
        final int[][] order = new int[layers][];
        for (int i = 0; i < idx.length; i++) {
            step[idx[i]] = p.step()[i];
            weight[idx[i]] = p.weight()[i];
            sn2[idx[i]] = p.sn2()[i];
        }
        for (int l = 0; l < layers; l++) {
            order[l] = Arrays.stream(p.order()[l]).map(i -> idx[i]).toArray();
        }
        return new CeoPlan(round, p.bootstrap(), p.distortion(), step, order, weight, p.sx2(), sn2);
    }

    private static CeoPlan planAll(final CeoSpec spec, final CeoStatistics stats, final long round) {
        final int k = stats.workers();
        final int layers = stats.layers();
        final double[][] step = new double[k][layers];
        final double[][] weight = new double[k][layers];
        final int[][] order = new int[layers][];
        final double[] sx2 = new double[layers];
        final double[][] sn2 = new double[k][layers];
        if (!stats.ready()) {
            final double[] nan = new double[layers];
            Arrays.fill(nan, Double.NaN);
            for (int l = 0; l < layers; l++) {
                order[l] = IntStream.range(0, k).toArray();
                for (int j = 0; j < k; j++) {
                    step[j][l] = Double.NaN;
                    weight[j][l] = 1.0 / k;
                }
            }
            return new CeoPlan(round, true, nan, step, order, weight, nan.clone(), sn2);
        }
        for (int l = 0; l < layers; l++) {
            sx2[l] = stats.sx2(l);
            for (int j = 0; j < k; j++) {
                sn2[j][l] = stats.sn2(j, l);
            }
        }
        // rho=R fixes each layer's distortion, D_l = (1 + R) / sum_k 1/sn2_{k,l} (the paper's rho, layer by layer,
        // whatever the layer sizes); distortion=D splits sum_l D_l = L D by the sum-rate optimum over L-vectors,
        // which is the per-coordinate optimum only for layers of equal size (theory.md section 1).
        final SumRateResult opt = Double.isNaN(spec.rho()) ? SumRate.solve(CeoModel.of(sx2, sn2), targetTotal(spec, stats)) : null;
        final double[] dl = new double[layers];
        for (int l = 0; l < layers; l++) {
            final LayerAllocation a = opt != null ? opt.layer(l) : WaterFilling.solve(column(sn2, l), sx2[l], layerTarget(spec, stats, l));
            dl[l] = a.distortion();
            double zSum = 0;
            for (int j = 0; j < k; j++) {
                zSum += a.z(j);
            }
            for (int j = 0; j < k; j++) {
                final double z = a.z(j);
                if (z > 0) {
                    final double sv2 = Math.max(0, 1 / z - sn2[j][l]);
                    step[j][l] = Math.sqrt(12 * sv2);
                    weight[j][l] = z / zSum;
                }
            }
            final int layer = l;
            order[l] = IntStream.range(0, k).filter(j -> step[j][layer] > 0).boxed()
                    .sorted(Comparator.comparingDouble((Integer j) -> -a.z(j)).thenComparingInt(j -> j))
                    .mapToInt(Integer::intValue).toArray();
        }
        return new CeoPlan(round, false, dl, step, order, weight, sx2, sn2);
    }

    /** D = sum_l D_l from the spec: per-coordinate distortion x L (equal layers), or rho per layer. */
    private static double targetTotal(final CeoSpec spec, final CeoStatistics stats) {
        double total = 0;
        for (int l = 0; l < stats.layers(); l++) {
            total += layerTarget(spec, stats, l);
        }
        return total;
    }

    /** The spec's target for layer l: its distortion, or (1 + rho) / sum_k 1/sn2_{k,l}. */
    private static double layerTarget(final CeoSpec spec, final CeoStatistics stats, final int l) {
        double precision = 0;
        for (int j = 0; j < stats.workers(); j++) {
            precision += 1 / stats.sn2(j, l);
        }
        return spec.targetDistortion(precision);
    }

    private static double[] column(final double[][] sn2, final int l) {
        final double[] c = new double[sn2.length];
        for (int j = 0; j < sn2.length; j++) {
            c[j] = sn2[j][l];
        }
        return c;
    }
}
