package org.rdcodec.sw.ldpc;

/**
 * Variable-node degree distribution of a syndrome code, chosen from its syndrome rate m / n.
 *
 * <p>The shape follows the irregular repeat-accumulate family of the DVB-S2 standard (a published fact,
 * re-tabulated here): m - 1 variables of degree 2 (they form an accumulator chain, see {@link PegBuilder}),
 * and the other n - m + 1 "information" variables split between degree 3 and one high degree d_hi with
 * fraction f_hi. The standard's table, by channel-code rate r = 1 - m / n:
 * <pre>
 *   r      1/4  1/3  2/5  1/2  3/5  2/3  3/4  4/5  5/6  8/9  9/10
 *   d_hi   12   12   12   8    12   13   12   11   13   4    4
 *   f_hi   1/3  1/3  1/3  2/5  1/3  1/10 1/9  1/8  1/10 1/8  1/9
 * </pre>
 * Between table points the nearest rate (in r) is used; below 1/4 and above 9/10 the end points are used.
 * Those codes sit within about 0.6-0.8 dB of capacity at n = 64800 with sum-product decoding; with
 * PEG placement instead of the standard's fixed structure they behave alike (measured rate/h(p) in
 * src/site/ldpc.md).
 *
 * @param degreeTwo number of degree-2 variables
 * @param degreeThree number of degree-3 variables
 * @param highDegree the high degree d_hi
 * @param highCount number of degree-d_hi variables
 */
public record DegreeProfile(int degreeTwo, int degreeThree, int highDegree, int highCount) {

    private static final double[] CODE_RATE = {1.0 / 4, 1.0 / 3, 2.0 / 5, 1.0 / 2, 3.0 / 5, 2.0 / 3, 3.0 / 4,
        4.0 / 5, 5.0 / 6, 8.0 / 9, 9.0 / 10};
    private static final int[] HIGH_DEGREE = {12, 12, 12, 8, 12, 13, 12, 11, 13, 4, 4};
    private static final double[] HIGH_FRACTION = {1.0 / 3, 1.0 / 3, 1.0 / 3, 2.0 / 5, 1.0 / 3, 1.0 / 10,
        1.0 / 9, 1.0 / 8, 1.0 / 10, 1.0 / 8, 1.0 / 9};

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
        final double r = 1.0 - (double) m / n;
        int best = 0;
        for (int i = 1; i < CODE_RATE.length; i++) {
            if (Math.abs(CODE_RATE[i] - r) < Math.abs(CODE_RATE[best] - r)) {
                best = i;
            }
        }
        final int two = m - 1;
        final int info = n - two;
        // a high degree larger than the number of checks cannot be placed without repeated edges
        final int hi = Math.min(HIGH_DEGREE[best], Math.max(3, m));
        final int highCount = m >= 3 ? (int) Math.round(info * HIGH_FRACTION[best]) : 0;
        final int three = info - highCount;
        return new DegreeProfile(two, three, m >= 3 ? hi : Math.min(3, m), highCount);
    }

    /** @return the number of ones in H this profile gives */
    public long edges() {
        return 2L * degreeTwo + 3L * degreeThree + (long) highDegree * highCount;
    }
}
