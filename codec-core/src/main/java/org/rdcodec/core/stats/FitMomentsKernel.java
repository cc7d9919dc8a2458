package org.rdcodec.core.stats;

/**
 * The passes of {@link MagnitudeFit}: once, the logs of the sample's non-zero magnitudes ({@link #logs});
 * then for every trial shape p (7 to 11 times per fit), over the centred logs l_i, S0 = sum exp(p l_i) and
 * S1 = sum exp(p l_i) l_i ({@link #moments}). Implementations:
 * {@link ScalarFitMomentsKernel} (reference) and {@code PanamaFitMomentsKernel} (Vector API); get the one for
 * this JVM with {@code VectorizationProvider.getInstance().kernel(FitMomentsKernel.class)}.
 *
 * <p><b>Common contract.</b> Both compute each argument p l_i with one IEEE multiply (the same double in
 * both), its exponential within 1 ulp (the accuracy of {@link Math#exp}, which the Vector API's EXP follows),
 * and sum in double in an order of their choosing. So each sum is within (m - 1) 2^-53 of its exact value
 * relative to the sum of the magnitudes of its terms (Higham's bound for any summation order), plus 2^-52
 * of the same from the exponential; S1's product w l_i adds at most one more 2^-53 (none with a fused
 * multiply-add). Non-finite input is the caller's business ({@link MagnitudeFit} has checked it).
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface FitMomentsKernel {

    /**
     * @param logs centred logs of the magnitudes
     * @param m how many (from index 0)
     * @param p the trial shape
     * @param out out[0] = S0, out[1] = S1
     */
    void moments(double[] logs, int m, double p, double[] out);

    /**
     * Replaces positive finite values by their natural logs, each within 1 ulp ({@link Math#log}'s
     * accuracy, which the Vector API's LOG follows), and returns the double sum of the logs (within
     * (m - 1) 2^-53 of the sum of the computed logs, relative to the sum of their magnitudes, in any order).
     *
     * @param values positive finite values, overwritten by their logs
     * @param m how many (from index 0)
     * @return the sum of the logs
     */
    double logs(double[] values, int m);
}
