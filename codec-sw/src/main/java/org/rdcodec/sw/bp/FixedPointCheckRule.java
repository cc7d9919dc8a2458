package org.rdcodec.sw.bp;

/**
 * The check-node rule of the 16-bit fixed-point decoders ({@link LayeredFixedPointMinSumDecoder},
 * {@link BatchFixedPointMinSumDecoder}); the integer arithmetic of each is in {@link FixedPointRules}.
 */
public enum FixedPointCheckRule {

    /** Normalized min-sum: the smallest other magnitude times a shift-based factor by check degree. */
    NORMALIZED_MIN_SUM("min-sum"),

    /**
     * Corrected min-sum: the box-plus (sum-product) combination of the two smallest other magnitudes, with
     * ln(1 + e^-x) approximated by {@link FixedPointRules#correction(int)}, attenuated by shifts on checks of
     * degree 10 and more (0.906, and 0.844 above degree 20). The default (src/site/ldpc.md, "Corrected min-sum
     * in the 16-bit decoders" and "Attenuated corrected min-sum for high-degree checks").
     */
    CORRECTED_MIN_SUM("corrected-min-sum");

    private final String label;

    FixedPointCheckRule(final String label) {
        this.label = label;
    }

    /** @return the rule's short name (as in {@code rdc sw --rule}) */
    public String label() {
        return label;
    }

    /** @return the rule of the fast decoders unless one is chosen */
    public static FixedPointCheckRule defaultRule() {
        return CORRECTED_MIN_SUM;
    }
}
