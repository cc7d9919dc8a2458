package org.rdcodec.core.theory;

import java.util.Arrays;
import java.util.Locale;

/**
 * Lemma 1: the corner point of the rate region for a decoding order. The server decodes workers one after
 * another, each with the already decoded ones as side information. In decode position j,
 * {@code R_{k,l} = r_{k,l} + 1/2 log2(1/sx2_l + Z_j) - 1/2 log2(1/sx2_l + Z_{j-1})} where {@code Z_j} is the
 * sum of {@code z_{i,l}} over the workers in positions 0..j. (The paper numbers workers so that order is
 * K, K-1, ..., 1.) The rates telescope: {@code sum_k R_{k,l} = sum_k r_{k,l} + 1/2 log2(1 + sx2_l / D_l)}.
 */
public final class CornerRates {

    private CornerRates() {
    }

    /**
     * @param model the CEO model
     * @param z precisions {@code z[k][l]} in {@code [0, 1/sn2_{k,l})}
     * @param decodeOrder worker indices (0-based) in the order the server decodes them; the first has no side
     *     information, the last the most
     * @return {@code R[k][l]} in bits
     */
    public static double[][] rates(final CeoModel model, final double[][] z, final int[] decodeOrder) {
        final int workers = model.workers();
        final int layers = model.layers();
        checkOrder(decodeOrder, workers);
        if (z.length != workers) {
            throw new TheoryInputException("corner rates: z has " + z.length + " rows for " + workers + " workers");
        }
        final double[][] out = new double[workers][layers];
        for (int l = 0; l < layers; l++) {
            final double c = 1.0 / model.sx2(l);
            double before = 0;
            for (final int k : decodeOrder) {
                if (z[k].length != layers) {
                    throw new TheoryInputException("corner rates: z row of worker " + (k + 1) + " has " + z[k].length + " layers, expected " + layers);
                }
                final double zk = z[k][l];
                final double p = 1.0 / model.sn2(k, l);
                if (!(zk >= 0 && zk < p)) {
                    throw new TheoryInputException(String.format(Locale.ROOT,
                            "corner rates: z of worker %d, layer %d is %s; it must lie in [0, 1/sn2) = [0, %s)", k + 1, l + 1, zk, p));
                }
                final double r = -0.5 * Math.log1p(-model.sn2(k, l) * zk) / Bits.LN2;
                out[k][l] = r + 0.5 * Bits.log2p1(zk / (c + before));
                before += zk;
            }
        }
        return out;
    }

    /**
     * Sum over layers.
     *
     * @param perLayer {@code R[k][l]}
     * @return {@code R_k = sum_l R[k][l]}
     */
    public static double[] workerTotals(final double[][] perLayer) {
        final double[] out = new double[perLayer.length];
        for (int k = 0; k < perLayer.length; k++) {
            for (final double v : perLayer[k]) {
                out[k] += v;
            }
        }
        return out;
    }

    /**
     * The decode order whose corner point minimises {@code sum_k a_k R_k}: smallest weight first (it pays the
     * most), largest weight last. Ties are broken by decoding the higher index first, the paper's order.
     *
     * @param weights a_k &gt;= 0
     * @return worker indices in decode order
     */
    public static int[] orderForWeights(final double[] weights) {
        final Integer[] idx = new Integer[weights.length];
        for (int k = 0; k < weights.length; k++) {
            Checks.nonNegative("weight a_" + (k + 1), weights[k]);
            idx[k] = k;
        }
        Arrays.sort(idx, (a, b) -> {
            final int c = Double.compare(weights[a], weights[b]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        final int[] out = new int[weights.length];
        for (int k = 0; k < weights.length; k++) {
            out[k] = idx[k];
        }
        return out;
    }

    static void checkOrder(final int[] order, final int workers) {
        if (order.length != workers) {
            throw new TheoryInputException("decode order has " + order.length + " entries for " + workers + " workers");
        }
        final boolean[] seen = new boolean[workers];
        for (final int k : order) {
            if (k < 0 || k >= workers || seen[k]) {
                throw new TheoryInputException("decode order " + Arrays.toString(order) + " is not a permutation of 0.." + (workers - 1));
            }
            seen[k] = true;
        }
    }
}
