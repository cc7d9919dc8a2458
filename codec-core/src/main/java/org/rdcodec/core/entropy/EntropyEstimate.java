package org.rdcodec.core.entropy;

import java.util.Arrays;

/**
 * Empirical (zeroth-order) entropy of an index stream: {@code sum_v c_v log2(n / c_v)} bits over the distinct
 * values v with counts c_v. This is the floor an order-0 entropy coder with a per-stream table is measured
 * against.
 */
public final class EntropyEstimate {

    private EntropyEstimate() {
    }

    /**
     * @param symbols values
     * @param off first value
     * @param len number of values
     * @return total empirical entropy in bits ({@code len} times the per-symbol entropy); 0 for len &lt;= 1
     */
    public static double totalBits(final int[] symbols, final int off, final int len) {
        if (len <= 1) {
            return 0.0;
        }
        final int[] sorted = Arrays.copyOfRange(symbols, off, off + len);
        Arrays.sort(sorted);
        double bits = 0.0;
        final double log2n = Math.log(len) / Math.log(2.0);
        int run = 1;
        for (int i = 1; i <= len; i++) {
            if (i < len && sorted[i] == sorted[i - 1]) {
                run++;
            } else {
                bits += run * (log2n - Math.log(run) / Math.log(2.0));
                run = 1;
            }
        }
        return bits;
    }

    /**
     * @param symbols values
     * @param off first value
     * @param len number of values
     * @return empirical entropy per symbol in bits; 0 for len &lt;= 1
     */
    public static double bitsPerSymbol(final int[] symbols, final int off, final int len) {
        return len <= 1 ? 0.0 : totalBits(symbols, off, len) / len;
    }
}
