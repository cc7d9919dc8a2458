package org.rdcodec.core.stats;

/** {@link FitMomentsKernel} reference: one loop each, left-to-right double sums, {@link Math#exp} and {@link Math#log}. */
public final class ScalarFitMomentsKernel implements FitMomentsKernel {

    /** Creates the kernel (stateless; the provider shares one instance). */
    public ScalarFitMomentsKernel() {
    }

    @Override
    public void moments(final double[] logs, final int m, final double p, final double[] out) {
        out[0] = 0;
        out[1] = 0;
        addMoments(logs, 0, m, p, out);
    }

    /**
     * Adds sum exp(p l_i) to out[0] and sum exp(p l_i) l_i to out[1] over logs[from .. to), left to right (also the
     * Vector API kernel's tail).
     *
     * @param logs the logs
     * @param from first index
     * @param to end index (exclusive)
     * @param p the exponent
     * @param out the two running sums
     */
    static void addMoments(final double[] logs, final int from, final int to, final double p, final double[] out) {
        double s0 = out[0];
        double s1 = out[1];
        for (int i = from; i < to; i++) {
            final double l = logs[i];
            final double w = Math.exp(p * l);
            s0 += w;
            s1 += w * l;
        }
        out[0] = s0;
        out[1] = s1;
    }

    @Override
    public double logs(final double[] values, final int m) {
        double sum = 0;
        for (int i = 0; i < m; i++) {
            final double l = Math.log(values[i]);
            values[i] = l;
            sum += l;
        }
        return sum;
    }
}
