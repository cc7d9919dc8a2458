package org.rdcodec.sw.ceo;

import java.util.Arrays;

/**
 * The server's estimates of each layer's sx2 and each worker's, each layer's sn2, from decoded data only.
 *
 * <p>In a round, the workers in S (|S| = m &ge; 3) sent yhat_k = X + N_k + E_k with E_k uniform of known variance
 * sv2_k = step^2/12, independent of everything. With the plain mean ybar over S and e_k = yhat_k - X,
 * c_k = mean_i (yhat_k - ybar)^2 has expectation sigma_k^2 (1 - 2/m) + T/m^2, where sigma_k^2 = sn2_k + sv2_k
 * and T = sum_S sigma_j^2, and sum_k c_k has expectation T (1 - 1/m). Hence
 * T^ = sum c / (1 - 1/m), sigma_k^2^ = (c_k - T^/m^2) / (1 - 2/m), sn2_k^ = sigma_k^2^ - sv2_k, and
 * sx2^ = mean(ybar^2) - T^/m^2 (X has mean zero in the model). O(m P) per round. Each estimate is floored
 * at {@link #FLOOR} x the layer's second moment (a worker with no measurable noise still gets a finite
 * weight) and averaged across rounds with weight {@link #BETA} on the new round.
 */
public final class CeoStatistics {

    /** Weight of the newest round in the exponential average: a 2-round memory, fast to follow drift. */
    public static final double BETA = 0.5;

    /** Relative floor of a variance estimate. */
    public static final double FLOOR = 1e-6;

    private final int workers;
    private final double[] sx2;
    private final double[][] sn2;
    private final boolean[][] seen;
    private final boolean[] layerSeen;

    /**
     * @param workers K
     * @param layers L
     */
    public CeoStatistics(final int workers, final int layers) {
        this.workers = workers;
        this.sx2 = new double[layers];
        this.sn2 = new double[workers][layers];
        this.seen = new boolean[workers][layers];
        this.layerSeen = new boolean[layers];
    }

    /** @return K */
    public int workers() {
        return workers;
    }

    /** @return L */
    public int layers() {
        return sx2.length;
    }

    /**
     * @param layer l
     * @return true once every worker's sn2 and the layer's sx2 have an estimate
     */
    public boolean ready(final int layer) {
        if (!layerSeen[layer]) {
            return false;
        }
        for (int k = 0; k < workers; k++) {
            if (!seen[k][layer]) {
                return false;
            }
        }
        return true;
    }

    /** @return true when every layer is {@link #ready} */
    public boolean ready() {
        for (int l = 0; l < sx2.length; l++) {
            if (!ready(l)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param layer l
     * @return sx2^ of the layer
     */
    public double sx2(final int layer) {
        return sx2[layer];
    }

    /**
     * @param worker k
     * @param layer l
     * @return sn2^ of worker k on layer l
     */
    public double sn2(final int worker, final int layer) {
        return sn2[worker][layer];
    }

    /**
     * @param layer l
     * @return sn2^ of every worker on the layer
     */
    public double[] layerNoise(final int layer) {
        final double[] out = new double[workers];
        for (int k = 0; k < workers; k++) {
            out[k] = sn2[k][layer];
        }
        return out;
    }

    /**
     * Folds one round's decoded reconstructions of one layer in.
     *
     * @param layer l
     * @param yhat per worker its reconstruction of the layer, or null if it sent nothing
     * @param sv2 per worker its dither variance step^2/12 (ignored where yhat is null)
     */
    public void update(final int layer, final float[][] yhat, final double[] sv2) {
        int m = 0;
        int size = -1;
        for (int k = 0; k < workers; k++) {
            if (yhat[k] != null) {
                m++;
                size = yhat[k].length;
            }
        }
        if (m < 3 || size <= 0) {
            return; // two workers cannot separate their noises
        }
        final double[] mean = new double[size];
        for (int k = 0; k < workers; k++) {
            if (yhat[k] != null) {
                final float[] y = yhat[k];
                for (int i = 0; i < size; i++) {
                    mean[i] += y[i];
                }
            }
        }
        double second = 0;
        for (int i = 0; i < size; i++) {
            mean[i] /= m;
            second += mean[i] * mean[i];
        }
        second /= size;
        final double[] c = new double[workers];
        double sumC = 0;
        for (int k = 0; k < workers; k++) {
            if (yhat[k] != null) {
                final float[] y = yhat[k];
                double s = 0;
                for (int i = 0; i < size; i++) {
                    final double d = y[i] - mean[i];
                    s += d * d;
                }
                c[k] = s / size;
                sumC += c[k];
            }
        }
        final double total = sumC / (1 - 1.0 / m);
        final double scale = Math.max(second, Double.MIN_NORMAL);
        final double sx2New = Math.max(FLOOR * scale, second - total / ((double) m * m));
        sx2[layer] = layerSeen[layer] ? (1 - BETA) * sx2[layer] + BETA * sx2New : sx2New;
        layerSeen[layer] = true;
        for (int k = 0; k < workers; k++) {
            if (yhat[k] != null) {
                final double sigma2 = (c[k] - total / ((double) m * m)) / (1 - 2.0 / m);
                final double est = Math.max(FLOOR * scale, sigma2 - sv2[k]);
                sn2[k][layer] = seen[k][layer] ? (1 - BETA) * sn2[k][layer] + BETA * est : est;
                seen[k][layer] = true;
            }
        }
    }

    /**
     * A copy restricted to some workers (for planning without the others).
     *
     * @param workerIndices the workers to keep, in the copy's order
     * @return the copy (K' = workerIndices.length)
     */
    public CeoStatistics subset(final int[] workerIndices) {
        final CeoStatistics c = new CeoStatistics(workerIndices.length, sx2.length);
        System.arraycopy(sx2, 0, c.sx2, 0, sx2.length);
        System.arraycopy(layerSeen, 0, c.layerSeen, 0, layerSeen.length);
        for (int i = 0; i < workerIndices.length; i++) {
            c.sn2[i] = sn2[workerIndices[i]].clone();
            c.seen[i] = seen[workerIndices[i]].clone();
        }
        return c;
    }

    @Override
    public String toString() {
        return "sx2=" + Arrays.toString(sx2) + " sn2=" + Arrays.deepToString(sn2);
    }
}
