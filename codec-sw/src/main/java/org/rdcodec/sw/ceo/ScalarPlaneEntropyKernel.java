package org.rdcodec.sw.ceo;

/** {@link PlaneEntropyKernel} in plain Java, term by term in index order (the reference). */
public final class ScalarPlaneEntropyKernel implements PlaneEntropyKernel {

    /** Creates the kernel. */
    public ScalarPlaneEntropyKernel() {
    }

    @Override
    public double entropyNats(final float[] llr, final int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            final double a = Math.abs((double) llr[i]);
            final double e = Math.exp(-a);
            sum += a * (e / (1 + e)) + Math.log1p(e);
        }
        return sum;
    }

    @Override
    public void moments(final float[] llr, final int n, final double[] sums) {
        double h = 0;
        double disp = 0;
        double err = 0;
        for (int i = 0; i < n; i++) {
            final double a = Math.abs((double) llr[i]);
            final double e = Math.exp(-a);
            final double p = e / (1 + e);
            h += a * p + Math.log1p(e);
            disp += p * (1 - p) * a * a;
            err += p;
        }
        sums[0] = h;
        sums[1] = disp;
        sums[2] = err;
    }
}
