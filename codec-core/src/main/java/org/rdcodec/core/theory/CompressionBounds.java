package org.rdcodec.core.theory;

/**
 * Lower bounds on the bits an unbiased compressor C (E[C(x)] = x, E||C(x) - x||^2 &lt;= omega ||x||^2) must
 * send, after "Optimal Gradient Compression for Distributed and Federated Learning" (seed 003); the
 * derivations are in {@code src/site/m22-and-optimal-compression.md}.
 * <ul>
 * <li>{@link #worstCaseBitsPerCoordinate}: b / d &gt;= 1/2 log2(1 + 1/omega) for every d, shared
 * randomness and variable-length codes allowed (a compressor good for every x is good on a Gaussian x;
 * the rescaled estimate C / (1 + omega) then has relative MSE omega / (1 + omega), and the Gaussian
 * rate-distortion function bounds the bits). The same as theory.md Lemma 3 with D = omega sigma^2.</li>
 * <li>{@link #averageCaseBitsPerCoordinate}: for a direction uniform on S^(n-1) (norm known) and
 * fixed-length codes of b bits per block of n: each of the 2^b cells can do no better than a cap of
 * probability 2^-b, whose best unbiased reconstruction has omega = 1/mu^2 - 1 ({@link SphericalCap}); so
 * b &gt;= log2(1/p) where mu(p) = 1 / sqrt(1 + omega). Spherical compression realises exactly this omega
 * with a cap of probability p; it pays the index's entropy (about log2(1/p) + log2 e) instead of log2(1/p).</li>
 * </ul>
 */
public final class CompressionBounds {

    private CompressionBounds() {
    }

    /**
     * @param omega relative variance, &gt; 0
     * @return the least bits per coordinate of any unbiased compressor with that relative variance
     */
    public static double worstCaseBitsPerCoordinate(final double omega) {
        Checks.positive("omega", omega);
        return 0.5 * Math.log1p(1 / omega) / Math.log(2);
    }

    /**
     * @param bitsPerCoordinate rate, &gt; 0
     * @return the least relative variance at that rate: 1 / (4^b - 1)
     */
    public static double worstCaseOmega(final double bitsPerCoordinate) {
        Checks.positive("bits per coordinate", bitsPerCoordinate);
        return 1 / Math.expm1(2 * bitsPerCoordinate * Math.log(2));
    }

    /**
     * @param n block dimension, &gt;= 2
     * @param omega relative variance of the direction, &gt; 0
     * @return the least bits per coordinate of a fixed-length unbiased code of a uniform direction in
     *         blocks of n
     */
    public static double averageCaseBitsPerCoordinate(final int n, final double omega) {
        Checks.positive("omega", omega);
        final SphericalCap cap = new SphericalCap(n);
        final double target = 1 / Math.sqrt(1 + omega);
        // mu(t) increases with t: bisection on the angle of the cap
        double lo = 0;
        double hi = Math.PI;
        for (int i = 0; i < 64; i++) {
            final double mid = 0.5 * (lo + hi);
            if (cap.conditionalMean(Math.cos(mid)) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        final double p = cap.probability(Math.cos(0.5 * (lo + hi)));
        return -Math.log(p) / Math.log(2) / n;
    }
}
