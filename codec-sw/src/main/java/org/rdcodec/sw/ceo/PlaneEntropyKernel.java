package org.rdcodec.sw.ceo;

/**
 * Sums over a plane's LLRs of what the rate decisions and statistics need, per bit with a = |L|, e = exp(-a) and
 * the minority probability p = e / (1 + e) (so ln((1 - p) / p) = a exactly): the binary entropy in nats
 * h = a p + ln(1 + e) (= -p ln p - (1 - p) ln (1 - p), rearranged), the dispersion term p (1 - p) a^2 (nats^2)
 * and p itself (the expected hard-decision error).
 *
 * <p>{@code ScalarPlaneEntropyKernel} evaluates these in order with Math.exp and Math.log1p;
 * {@code PanamaPlaneEntropyKernel} with the Vector API's EXP and LOG1P (each within 1 ulp) and one partial sum per
 * lane, added in lane order at the end. Every term is nonnegative, so the two differ by a relative
 * (n + lanes) 2^-52 at most (test: the derived tolerance). Both are thread-safe.
 */
public interface PlaneEntropyKernel {

    /**
     * @param llr LLRs
     * @param n how many (from 0)
     * @return the sum of h over them, in nats
     */
    double entropyNats(float[] llr, int n);

    /**
     * @param llr LLRs
     * @param n how many (from 0)
     * @param sums receives the sums of h (nats), p (1 - p) a^2 and p at [0], [1], [2]
     */
    void moments(float[] llr, int n, double[] sums);
}
