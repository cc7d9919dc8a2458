package org.rdcodec.sw.ceo;

/**
 * The server's knowledge of X while it decodes workers one after another (theory.md section 6): with
 * workers j &lt; k decoded, X | decoded ~ N(mu, v) with 1/v = 1/sx2 + sum_j 1/t_j and
 * mu = v sum_j yhat_j / t_j, where t_j = sn2_j + sv2_j is worker j's total error variance. Then worker
 * k's observation satisfies Y_k | decoded ~ N(mu, v + sn2_k). One layer; coordinates are independent.
 */
public final class SideInformation {

    private final double sx2;
    private final double[] weightedSum;
    private double precision;
    private int workers;

    /**
     * @param sx2 prior variance of X on this layer, &gt; 0
     * @param size coordinates
     */
    public SideInformation(final double sx2, final int size) {
        if (!(sx2 > 0) || Double.isInfinite(sx2)) {
            throw new IllegalArgumentException("sx2 must be finite and > 0, got " + sx2);
        }
        this.sx2 = sx2;
        this.weightedSum = new double[size];
        this.precision = 1 / sx2;
    }

    /**
     * Adds a decoded worker.
     *
     * @param yhat its reconstruction, one value per coordinate
     * @param totalVariance t_j = sn2_j + sv2_j, &gt; 0
     */
    public void add(final float[] yhat, final double totalVariance) {
        if (yhat.length != weightedSum.length) {
            throw new IllegalArgumentException("yhat has " + yhat.length + " values, the layer " + weightedSum.length);
        }
        if (!(totalVariance > 0) || Double.isInfinite(totalVariance)) {
            throw new IllegalArgumentException("total variance must be finite and > 0, got " + totalVariance);
        }
        final double w = 1 / totalVariance;
        for (int i = 0; i < yhat.length; i++) {
            weightedSum[i] += w * yhat[i];
        }
        precision += w;
        workers++;
    }

    /** @return v, the posterior variance of X */
    public double variance() {
        return 1 / precision;
    }

    /**
     * @param i coordinate
     * @return mu_i, the posterior mean of X_i
     */
    public double mean(final int i) {
        return weightedSum[i] / precision;
    }

    /**
     * @param sn2 the next worker's noise variance
     * @return the standard deviation of that worker's Y given the side information: sqrt(v + sn2)
     */
    public double observationStdDev(final double sn2) {
        return Math.sqrt(variance() + sn2);
    }

    /** @return workers added so far */
    public int workers() {
        return workers;
    }

    /** @return the prior variance */
    public double priorVariance() {
        return sx2;
    }
}
