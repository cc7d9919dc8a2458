package org.rdcodec.sw.ceo;

/**
 * One round's plan, known to the server and every worker (it depends only on the estimated statistics, the
 * target and the round, never on this round's data). Per layer:
 * <ul>
 *   <li>{@code step[k][l]}: worker k's quantizer step; 0 = the worker sends nothing for the layer (z = 0);
 *       NaN = bootstrap (the worker picks a fine step from its own data and writes it in its frame).</li>
 *   <li>{@code order[l]}: the decoding order of the active workers; the first is entropy coded, the others
 *       are bit-plane Slepian-Wolf coded against the MMSE estimate from those before them.</li>
 *   <li>{@code weight[k][l]}: alpha_k of the unbiased combination (sums to 1 over active workers).</li>
 *   <li>{@code sx2[l]}, {@code sn2[k][l]}: the estimates the side information and the rate choices use.</li>
 * </ul>
 *
 * @param round the round
 * @param bootstrap true when no statistics exist yet: every worker is entropy coded
 * @param distortion per-layer target D_l (NaN in a bootstrap round)
 * @param step per worker and layer
 * @param order per layer, active workers in decoding order
 * @param weight per worker and layer
 * @param sx2 per layer
 * @param sn2 per worker and layer
 */
public record CeoPlan(long round, boolean bootstrap, double[] distortion, double[][] step, int[][] order,
        double[][] weight, double[] sx2, double[][] sn2) {

    /**
     * @param worker k
     * @param layer l
     * @return the worker's position in the layer's decoding order, or -1 if it sends nothing
     */
    public int position(final int worker, final int layer) {
        final int[] o = order[layer];
        for (int i = 0; i < o.length; i++) {
            if (o[i] == worker) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param worker k
     * @param layer l
     * @return planned dither variance step^2/12 (NaN in bootstrap, 0 if silent)
     */
    public double sv2(final int worker, final int layer) {
        final double s = step[worker][layer];
        return s * s / 12;
    }

    /**
     * Side-information precision from the workers decoded before this one, sum_{j before k} 1/(sn2_j + sv2_j).
     *
     * @param worker k (active)
     * @param layer l
     * @return A_k
     */
    public double precisionBefore(final int worker, final int layer) {
        double a = 0;
        for (final int j : order[layer]) {
            if (j == worker) {
                return a;
            }
            a += 1 / (sn2[j][layer] + sv2(j, layer));
        }
        throw new IllegalArgumentException("worker " + worker + " is not active on layer " + layer);
    }

    /** @return K */
    public int workers() {
        return step.length;
    }
}
