package org.rdcodec.core.stats;

/** {@link FitMomentsKernel} reference: one loop each, left-to-right double sums, {@link Math#exp} and {@link Math#log}. */
public final class ScalarFitMomentsKernel implements FitMomentsKernel {

    /** Creates the kernel (stateless; the provider shares one instance). */
    public ScalarFitMomentsKernel() {
    }

    @Override
    public void moments(final double[] logs, final int m, final double p, final double[] out) {
        double s0 = 0;
        double s1 = 0;
        for (int i = 0; i < m; i++) {
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
