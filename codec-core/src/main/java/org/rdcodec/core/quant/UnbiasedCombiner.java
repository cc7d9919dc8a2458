package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;

import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;

/**
 * The server's final step: Xhat = sum_k w_k Yhat_k per layer, with weights that sum to one, so Xhat is
 * unbiased whenever every Yhat_k is (theory.md section 6).
 *
 * <p>{@link #combineWeighted} uses w_k proportional to 1 / t_k, where t_k = sn2_k + sv2_k is worker k's
 * total error variance on the layer, estimated from the decoded data alone: with Ybar the plain mean and
 * m_k = mean over the layer of (Yhat_k - Ybar)^2, E[m_k] = (1 - 2/K) t_k + S / K^2 with S = sum_j t_j,
 * so S = sum_k m_k / (1 - 1/K) and t_k = (m_k - S / K^2) / (1 - 2/K) (K &gt;= 3; for K &lt;= 2 the t_k
 * are not identifiable and the weights are equal). Estimates are floored at 1e-6 of their mean so a
 * noiseless worker cannot take all the weight on a fluke. {@link #combineMean} is the plain mean, for
 * biased codecs.
 */
public final class UnbiasedCombiner {

    private static final double FLOOR = 1e-6;

    private UnbiasedCombiner() {
    }

    /**
     * The plain mean of the workers' reconstructions.
     *
     * @param layout the layout
     * @param decoded K reconstructions
     * @param out the estimate
     */
    public static void combineMean(final GradientLayout layout, final GradientBuffer[] decoded, final GradientBuffer out) {
        final double[] w = new double[decoded.length];
        java.util.Arrays.fill(w, 1.0 / decoded.length);
        for (int l = 0; l < layout.layerCount(); l++) {
            weightedSum(decoded, w, layout.offset(l), layout.size(l), out.segment());
        }
    }

    /**
     * The inverse-variance weighted combination, weights estimated per layer from the data.
     *
     * @param layout the layout
     * @param decoded K reconstructions
     * @param out the estimate
     * @return the weights, [layer][worker]
     */
    public static double[][] combineWeighted(final GradientLayout layout, final GradientBuffer[] decoded, final GradientBuffer out) {
        final int k = decoded.length;
        final double[][] weights = new double[layout.layerCount()][];
        for (int l = 0; l < layout.layerCount(); l++) {
            final int from = layout.offset(l);
            final int n = layout.size(l);
            final double[] w = new double[k];
            if (k <= 2) {
                java.util.Arrays.fill(w, 1.0 / k);
            } else {
                final double[] m = spreadAroundMean(decoded, from, n);
                double sumM = 0;
                for (final double v : m) {
                    sumM += v;
                }
                final double s = sumM / (1 - 1.0 / k);
                final double[] t = new double[k];
                double meanT = 0;
                for (int j = 0; j < k; j++) {
                    t[j] = (m[j] - s / ((double) k * k)) / (1 - 2.0 / k);
                    meanT += Math.max(0, t[j]) / k;
                }
                double sumW = 0;
                for (int j = 0; j < k; j++) {
                    final double floor = meanT > 0 ? FLOOR * meanT : 1;
                    w[j] = 1 / Math.max(t[j], floor);
                    sumW += w[j];
                }
                for (int j = 0; j < k; j++) {
                    w[j] /= sumW;
                }
            }
            weightedSum(decoded, w, from, n, out.segment());
            weights[l] = w;
        }
        return weights;
    }

    /** Coordinates per chunk: the double accumulators stay in L1 while each worker's floats stream past. */
    private static final int CHUNK = 2048;

    /** m_k = mean over the layer of (Yhat_k - Ybar)^2, Ybar and the differences in double, chunk by chunk. */
    private static double[] spreadAroundMean(final GradientBuffer[] decoded, final int from, final int n) {
        final int k = decoded.length;
        final double[] m = new double[k];
        final double[] mean = new double[CHUNK];
        for (int c = from; c < from + n; c += CHUNK) {
            final int len = Math.min(CHUNK, from + n - c);
            java.util.Arrays.fill(mean, 0, len, 0);
            for (int j = 0; j < k; j++) {
                final MemorySegment y = decoded[j].segment();
                for (int i = 0; i < len; i++) {
                    mean[i] += y.getAtIndex(GradientBuffer.FLOAT_LE, c + i);
                }
            }
            for (int i = 0; i < len; i++) {
                mean[i] /= k;
            }
            for (int j = 0; j < k; j++) {
                final MemorySegment y = decoded[j].segment();
                double acc = 0;
                for (int i = 0; i < len; i++) {
                    final double d = y.getAtIndex(GradientBuffer.FLOAT_LE, c + i) - mean[i];
                    acc += d * d;
                }
                m[j] += acc;
            }
        }
        for (int j = 0; j < k; j++) {
            m[j] /= n;
        }
        return m;
    }

    /**
     * out = sum_j w_j Yhat_j over the range, accumulated in double in worker order and rounded once to
     * float; chunk by chunk, one worker at a time, so every pass streams through memory.
     */
    private static void weightedSum(final GradientBuffer[] decoded, final double[] w, final int from, final int n, final MemorySegment out) {
        final double[] acc = new double[CHUNK];
        for (int c = from; c < from + n; c += CHUNK) {
            final int len = Math.min(CHUNK, from + n - c);
            java.util.Arrays.fill(acc, 0, len, 0);
            for (int j = 0; j < decoded.length; j++) {
                final MemorySegment y = decoded[j].segment();
                final double wj = w[j];
                for (int i = 0; i < len; i++) {
                    acc[i] += wj * y.getAtIndex(GradientBuffer.FLOAT_LE, c + i);
                }
            }
            for (int i = 0; i < len; i++) {
                out.setAtIndex(GradientBuffer.FLOAT_LE, c + i, (float) acc[i]);
            }
        }
    }
}
