package org.rdcodec.core.theory;

import java.util.Locale;

import org.rdcodec.core.RdcodecException;

/**
 * A target distortion is at or below the least distortion any unbiased scheme can reach: even lossless
 * workers leave the server with the noise of their observations, {@code D_min = sum_l 1/sum_k(1/sn2_{k,l})}.
 */
public final class InfeasibleTargetException extends RdcodecException {

    private static final long serialVersionUID = 1L;

    private final double target;
    private final double minDistortion;

    /**
     * @param target the requested distortion
     * @param minDistortion the infimum of achievable distortions (not itself achievable at finite rate)
     */
    public InfeasibleTargetException(final double target, final double minDistortion) {
        super(String.format(Locale.ROOT,
                "target distortion %.9g is infeasible: it must exceed the minimum achievable distortion D_min = %.9g",
                target, minDistortion));
        this.target = target;
        this.minDistortion = minDistortion;
    }

    /** @return the requested distortion */
    public double getTarget() {
        return target;
    }

    /** @return the minimum achievable distortion D_min the target must exceed */
    public double getMinDistortion() {
        return minDistortion;
    }
}
