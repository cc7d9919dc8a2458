package org.rdcodec.core.stats;

import java.lang.foreign.MemorySegment;

import org.rdcodec.core.buffer.BufferRangeException;
import org.rdcodec.core.buffer.GradientBuffer;

/**
 * One-pass statistics of a float32 range: the kernel family behind {@link LayerStats}. Implementations:
 * {@link ScalarStatsKernel} (reference, double accumulators) and {@code PanamaStatsKernel} (Vector API);
 * get the one for this JVM with {@code VectorizationProvider.getInstance().kernel(StatsKernel.class)}.
 *
 * <p><b>Common contract.</b> Values are float32 little-endian. Let {@code c} be the first finite value
 * of the range (the <i>shift</i>). Both kernels accumulate {@code S = sum(x - c)}, {@code Q = sum((x - c)^2)}
 * and {@code A = sum(|x|)} over the n finite values, and report
 * {@code mean = c + S/n}, {@code variance = max(0, Q/n - (S/n)^2)}, {@code meanAbs = A/n}. Shifting by a
 * value of the data keeps the one-pass variance free of the cancellation that {@code sum(x^2)/n - mean^2}
 * suffers when |mean| is large against the spread. {@code count}, {@code nonFinite} and {@code maxAbs} are
 * exact; the implementations differ only in the rounding of S, Q, A, each documents its error bound.
 *
 * <p>Implementations are stateless and thread-safe and allocate nothing but the result.
 */
public interface StatsKernel {

    /**
     * Statistics of floats {@code [fromIndex, fromIndex + count)} of a segment.
     *
     * @param floats the memory, float32 little-endian
     * @param fromIndex first float index
     * @param count number of floats
     * @return the statistics (finite values only; see {@link LayerStats})
     * @throws BufferRangeException if the range is not inside the segment
     */
    LayerStats stats(MemorySegment floats, long fromIndex, int count);

    /**
     * Statistics of a whole buffer.
     *
     * @param buffer the gradient
     * @return its statistics
     */
    default LayerStats stats(final GradientBuffer buffer) {
        return stats(buffer.segment(), 0, buffer.length());
    }

    /**
     * Statistics of a range of a buffer.
     *
     * @param buffer the gradient
     * @param fromIndex first float index
     * @param count number of floats
     * @return the statistics
     * @throws BufferRangeException if the range is not inside the buffer
     */
    default LayerStats stats(final GradientBuffer buffer, final int fromIndex, final int count) {
        return stats(buffer.segment(), fromIndex, count);
    }
}
