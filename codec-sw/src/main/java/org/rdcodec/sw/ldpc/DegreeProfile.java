package org.rdcodec.sw.ldpc;

/**
 * Variable-node degree distribution of a syndrome code with n variables and m checks.
 *
 * <p>Shape: irregular repeat-accumulate, the structure of the DVB-S2 codes (a published design, re-derived
 * here): m - 1 variables of degree 2 (at most {@link #DEGREE_TWO_CAP} n) laid as an accumulator chain (see
 * {@link PegBuilder}), and the other
 * n - m + 1 "information" variables split between degree 3 and degree {@link #HIGH_DEGREE} with fraction
 * {@link #HIGH_FRACTION}. Checks get what PEG gives them: nearly equal degrees, mean edges / m.
 *
 * <p>The split was chosen by measurement, not copied: DVB-S2's own per-rate values (d_hi 4..13, f_hi 1/10..2/5)
 * were tried first and were poor at the high code rates Slepian-Wolf coding lives at (BSC(0.01), n = 16384:
 * 0 of 10 blocks at rate 1.3 h(p) with the 9/10 profile d_hi = 4, f_hi = 1/9, even with sum-product). A sweep
 * of (d_hi, f_hi) at n = 16384 (src/site/ldpc.md) put (12, 0.2) at or near the top for every p tested
 * (0.01, 0.05, 0.11, 0.2), so one profile serves all rates 0.05..0.95.
 *
 * @param degreeTwo number of degree-2 variables
 * @param degreeThree number of degree-3 variables
 * @param highDegree the high degree (clamped to m)
 * @param highCount number of high-degree variables
 */
public record DegreeProfile(int degreeTwo, int degreeThree, int highDegree, int highCount) {

    /** Degree of the strong variables. */
    public static final int HIGH_DEGREE = 12;

    /** Fraction of the information (non-chain) variables that get {@link #HIGH_DEGREE}. */
    public static final double HIGH_FRACTION = 0.2;

    /**
     * At most this fraction of all variables has degree 2. Low code rates (syndrome rate above 0.65, e.g.
     * BSC(0.2)) otherwise end up with checks of degree about 3 and decode poorly: BSC(0.2), n = 16384, rate
     * 1.1 h(p), 10 blocks: cap none 0/10 at 1.15 -> 8/10; 0.55: 0/10, 0.6: 3/10, 0.65: 8/10, 0.7: 6/10 (at 1.1).
     */
    public static final double DEGREE_TWO_CAP = 0.65;

    /**
     * The profile for n variables and m checks.
     *
     * @param n variables (source bits), &ge; 2
     * @param m checks (syndrome bits), 1 &le; m &le; n
     * @return the degree counts (they add up to n)
     */
    public static DegreeProfile forShape(final int n, final int m) {
        if (n < 2 || m < 1 || m > n) {
            throw new SyndromeCodingException("degree profile: need 1 <= m <= n and n >= 2, got n=" + n + " m=" + m);
        }
        final int two = (int) Math.min(m - 1, Math.round(n * DEGREE_TWO_CAP));
        final int info = n - two;
        final int highCount = m >= 3 ? (int) Math.round(info * HIGH_FRACTION) : 0;
        final int three = info - highCount;
        // a degree above m cannot be placed without repeated edges
        return new DegreeProfile(two, three, Math.min(HIGH_DEGREE, m), highCount);
    }

    /** @return the number of ones in H this profile gives (degrees clamped to m as PEG does) */
    public long edges(final int m) {
        return 2L * degreeTwo + (long) Math.min(3, m) * degreeThree + (long) Math.min(highDegree, m) * highCount;
    }
}
