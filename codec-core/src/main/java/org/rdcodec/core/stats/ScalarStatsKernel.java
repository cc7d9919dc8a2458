package org.rdcodec.core.stats;

import java.lang.foreign.MemorySegment;

import org.rdcodec.core.buffer.BufferRangeException;

/**
 * The reference {@link StatsKernel}: one value at a time, every sum in double precision.
 *
 * <p><b>Error.</b> Each shifted value {@code x - c} is formed in double (relative error at most 2^-53)
 * and the sums are recursive double sums, so |error of S| &lt;= n * 2^-53 * sum|x - c| to first order, and
 * likewise for Q and A. For n &lt;= 2^29 this is below one float rounding (2^-24) of the same sum, which is
 * why tests may treat this kernel as exact against the float-accumulating Panama kernel.
 */
public final class ScalarStatsKernel implements StatsKernel {

    /** Creates the kernel (stateless; the provider shares one instance). */
    public ScalarStatsKernel() {
    }

    @Override
    public LayerStats stats(final MemorySegment floats, final long fromIndex, final int count) {
        BufferRangeException.checkFloatRange(floats, fromIndex, count, "ScalarStatsKernel.stats");
        final ShiftedMoments m = new ShiftedMoments(ShiftedMoments.firstFinite(floats, fromIndex, count));
        m.addScalar(floats, fromIndex, count);
        return m.toStats();
    }
}
