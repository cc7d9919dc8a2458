package org.rdcodec.sw.ldpc;

/**
 * Variable-node degree distribution of a syndrome code with n variables and m checks.
 *
 * <p>Shape: irregular repeat-accumulate, the structure of the DVB-S2 codes (a published design, re-derived
 * here): m - 1 variables of degree 2 (at most {@link #DEGREE_TWO_CAP} n) laid as an accumulator chain (see
 * {@link PegBuilder}), and the other n - m + 1 "information" variables split between degree 3 and a high degree
 * d_hi with fraction f_hi that depend on the syndrome rate m / n (one band per row of {@link #BAND_RATE}).
 * Checks get what PEG gives them: nearly equal degrees, mean edges / m.
 *
 * <p>The bands were chosen by measurement, not copied (src/site/ldpc.md, "Degree distribution"): DVB-S2's own
 * per-rate values were poor at the high code rates Slepian-Wolf coding lives at; a sweep of (d_hi, f_hi) at
 * n = 16384 (128-256 blocks per point, 16-bit layered min-sum) at a fixed syndrome rate per p put (9, 0.3) on
 * top at BSC(0.01) (1.35 h(p): 81% of blocks against 62% for (12, 0.2); seed 2: 75% against 53%), (10, 0.25) at
 * BSC(0.05) (1.2 h(p): 91% against 85%; seed 2: 86% against 81%) and kept (12, 0.2) at BSC(0.11) (1.13 h(p):
 * 59%, every other pair 35-56%). A density-evolution check (population dynamics, normalized min-sum) ranks the
 * p = 0.01 candidates the same way.
 *
 * @param degreeTwo number of degree-2 variables
 * @param degreeThree number of degree-3 variables
 * @param highDegree the high degree (clamped to m)
 * @param highCount number of high-degree variables
 */
public record DegreeProfile(int degreeTwo, int degreeThree, int highDegree, int highCount) {

    /** Upper syndrome rate m / n of each band (the last band takes the rest). */
    static final double[] BAND_RATE = {0.2, 0.45, 1.0};

    /** Degree of the strong variables, per band. */
    static final int[] BAND_HIGH_DEGREE = {9, 10, 12};

    /** Fraction of the information (non-chain) variables at the band's high degree. */
    static final double[] BAND_HIGH_FRACTION = {0.3, 0.25, 0.2};

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
        final int band = band(m / (double) n);
        final int highCount = m >= 3 ? (int) Math.round(info * BAND_HIGH_FRACTION[band]) : 0;
        final int three = info - highCount;
        // a degree above m cannot be placed without repeated edges
        return new DegreeProfile(two, three, Math.min(BAND_HIGH_DEGREE[band], m), highCount);
    }

    /** @return the index of the band of {@link #BAND_RATE} holding syndrome rate r */
    static int band(final double r) {
        int b = 0;
        while (b < BAND_RATE.length - 1 && r > BAND_RATE[b]) {
            b++;
        }
        return b;
    }

    /** @return the number of ones in H this profile gives (degrees clamped to m as PEG does) */
    public long edges(final int m) {
        return 2L * degreeTwo + (long) Math.min(3, m) * degreeThree + (long) Math.min(highDegree, m) * highCount;
    }
}
