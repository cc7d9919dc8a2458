package org.rdcodec.core.stats;

/**
 * Summary statistics of one range of a float32 gradient (usually one layer).
 *
 * <p><b>Definition.</b> Non-finite values (NaN, +Inf, -Inf) are counted in {@link #nonFinite()} and
 * otherwise ignored: {@link #count()}, {@link #mean()}, {@link #variance()}, {@link #meanAbs()} and
 * {@link #maxAbs()} are over the finite values only. The variance is the population variance
 * (divided by {@code count}, not {@code count - 1}). With no finite value all moments are 0;
 * check {@code count() == 0} before using them.
 *
 * @param count number of finite values
 * @param mean mean of the finite values
 * @param variance population variance of the finite values, &gt;= 0
 * @param meanAbs mean of |x| over the finite values
 * @param maxAbs largest |x| over the finite values (exact)
 * @param nonFinite number of NaN and infinite values
 */
public record LayerStats(long count, double mean, double variance, double meanAbs, double maxAbs, long nonFinite) {

    /** Statistics of an empty range. */
    public static final LayerStats EMPTY = new LayerStats(0, 0, 0, 0, 0, 0);

    /** @return the number of values read: {@code count + nonFinite} */
    public long length() {
        return count + nonFinite;
    }

    /** @return the population standard deviation */
    public double stdDev() {
        return Math.sqrt(variance);
    }

    /** @return {@code mean^2 + variance}, the mean square of the finite values */
    public double meanSquare() {
        return mean * mean + variance;
    }

    /** @return true if every value read was finite */
    public boolean allFinite() {
        return nonFinite == 0;
    }
}
