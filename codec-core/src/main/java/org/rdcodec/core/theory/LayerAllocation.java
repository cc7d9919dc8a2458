package org.rdcodec.core.theory;

/**
 * The sum-rate optimal operating point of one layer at layer distortion D_l: water level theta_l,
 * per-worker precisions {@code z_k = max(0, 1/sn2_k - theta)} with {@code sum_k z_k = 1/D_l},
 * per-worker noise-quantization rates {@code r_k = -1/2 log2(1 - sn2_k z_k)} and the layer's
 * sum-rate {@code sum_k r_k + 1/2 log2(1 + sx2/D_l)} (bits per coordinate of this layer).
 */
public final class LayerAllocation {

    private final double distortion;
    private final double theta;
    private final double[] z;
    private final double[] r;
    private final double sumRate;

    LayerAllocation(final double distortion, final double theta, final double[] z, final double[] r, final double sumRate) {
        this.distortion = distortion;
        this.theta = theta;
        this.z = z;
        this.r = r;
        this.sumRate = sumRate;
    }

    /** @return D_l */
    public double distortion() {
        return distortion;
    }

    /** @return the water level theta_l (&gt; 0) */
    public double theta() {
        return theta;
    }

    /**
     * @param worker k (0-based)
     * @return z_k, the precision worker k contributes (0 if it need not send)
     */
    public double z(final int worker) {
        return z[worker];
    }

    /**
     * @param worker k (0-based)
     * @return r_k in bits
     */
    public double r(final int worker) {
        return r[worker];
    }

    /** @return copy of all z_k */
    public double[] z() {
        return z.clone();
    }

    /** @return copy of all r_k (bits) */
    public double[] r() {
        return r.clone();
    }

    /** @return the layer's sum-rate in bits */
    public double sumRate() {
        return sumRate;
    }
}
