package org.rdcodec.core.stats;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.rdcodec.core.buffer.BufferRangeException;

/**
 * {@link StatsKernel} on the Vector API: one pass, float lane accumulators flushed to double per block.
 *
 * <p><b>Shape.</b> The range is cut into blocks of at most {@link #BLOCK_FLOATS} floats, made of steps of
 * {@value #UNROLL} vectors ({@code UNROLL * LANES} floats). Each step loads four vectors and updates four
 * independent sets of float accumulators (so the adds do not wait on each other): S with {@code x - c},
 * Q with {@code fma(x - c, x - c, Q)}, A with {@code |x|}, and an int max over the bits of {@code |x|}.
 * For non-negative floats the bit pattern orders like the value and NaN/Inf patterns order above every
 * finite one, so one integer max both finds maxAbs and detects non-finite input without a per-vector test.
 * At the end of a block the four accumulators are added pairwise, reduced across lanes, and added to
 * double totals. The last {@code count mod (UNROLL * LANES)} floats go through the scalar double path.
 *
 * <p><b>Exceptions to the float path.</b> A block is redone with the scalar double path of
 * {@link ScalarStatsKernel} when its max bits show a NaN or infinity (those values must be counted and
 * excluded) or when a float partial overflowed (|x| near {@code Float.MAX_VALUE}, or squares above it).
 * Both are rare and cost a second read of at most {@value #ADDS_PER_FLUSH} steps that are still in L1.
 *
 * <p><b>Error bound.</b> Along the path from one value into the double totals a term meets at most
 * {@link #MAX_FLOAT_ROUNDINGS} float roundings (unit roundoff u = 2^-24): 1 for {@code x - c}, at most
 * {@value #ADDS_PER_FLUSH} - 1 adds into its lane, 2 for the pairwise sum of the four accumulators,
 * at most LANES - 1 in the cross-lane reduction (done in lane order, so the result does not depend on the JIT), and 1 more in Q
 * because the rounding of {@code x - c} is squared. Hence (first order, Higham's gamma bound):
 * |error of S| &lt;= k u sum|x - c|, |error of Q| &lt;= k u sum (x - c)^2, |error of A| &lt;= k u sum|x|,
 * with k = {@link #MAX_FLOAT_ROUNDINGS}; the double-precision work after the flush adds less than one more
 * u for ranges below 2^29 floats. This holds while the squares are normal floats; values with
 * |x - c| &lt; 2^-63 add an absolute error of at most 2^-149 per term through underflow.
 */
public final class PanamaStatsKernel implements StatsKernel {

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /** Lanes of the preferred float species on this JVM. */
    public static final int LANES = FLOATS.length();
    /** Vectors per step: four independent accumulator sets hide the add latency. */
    public static final int UNROLL = 4;
    /** Additions each float lane accumulator receives before it is flushed to double. */
    public static final int ADDS_PER_FLUSH = 64;
    /** Floats per block: one flush per block. */
    public static final int BLOCK_FLOATS = UNROLL * LANES * ADDS_PER_FLUSH;
    /** Most float roundings any term meets before reaching double precision (see the class comment). */
    public static final int MAX_FLOAT_ROUNDINGS = 1 + (ADDS_PER_FLUSH - 1) + 2 + (LANES - 1) + 1;

    private static final int STEP_FLOATS = UNROLL * LANES;
    private static final long VECTOR_BYTES = (long) LANES * Float.BYTES;
    private static final int ABS_MASK = 0x7fff_ffff;
    private static final int INFINITY_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** Creates the kernel (stateless; the provider shares one instance). */
    public PanamaStatsKernel() {
    }

    @Override
    public LayerStats stats(final MemorySegment floats, final long fromIndex, final int count) {
        BufferRangeException.checkFloatRange(floats, fromIndex, count, "PanamaStatsKernel.stats");
        final ShiftedMoments m = new ShiftedMoments(ShiftedMoments.firstFinite(floats, fromIndex, count));
        final int vectorized = count - count % STEP_FLOATS;
        for (int done = 0; done < vectorized; done += BLOCK_FLOATS) {
            block(floats, fromIndex + done, Math.min(BLOCK_FLOATS, vectorized - done), m);
        }
        m.addScalar(floats, fromIndex + vectorized, count - vectorized);
        return m.toStats();
    }

    /** One block of whole steps: float lanes, then one flush into {@code m}. */
    private static void block(final MemorySegment floats, final long fromIndex, final int length, final ShiftedMoments m) {
        final FloatVector shift = FloatVector.broadcast(FLOATS, m.shift());
        FloatVector s0 = FloatVector.zero(FLOATS);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        FloatVector q0 = s0;
        FloatVector q1 = s0;
        FloatVector q2 = s0;
        FloatVector q3 = s0;
        FloatVector a0 = s0;
        FloatVector a1 = s0;
        FloatVector a2 = s0;
        FloatVector a3 = s0;
        IntVector x0 = s0.reinterpretAsInts();
        IntVector x1 = x0;
        IntVector x2 = x0;
        IntVector x3 = x0;
        final long base = fromIndex * Float.BYTES;
        for (int i = 0; i < length; i += STEP_FLOATS) {
            final long at = base + (long) i * Float.BYTES;
            final FloatVector v0 = FloatVector.fromMemorySegment(FLOATS, floats, at, LE);
            final FloatVector v1 = FloatVector.fromMemorySegment(FLOATS, floats, at + VECTOR_BYTES, LE);
            final FloatVector v2 = FloatVector.fromMemorySegment(FLOATS, floats, at + 2 * VECTOR_BYTES, LE);
            final FloatVector v3 = FloatVector.fromMemorySegment(FLOATS, floats, at + 3 * VECTOR_BYTES, LE);
            final IntVector b0 = v0.reinterpretAsInts().and(ABS_MASK);
            final IntVector b1 = v1.reinterpretAsInts().and(ABS_MASK);
            final IntVector b2 = v2.reinterpretAsInts().and(ABS_MASK);
            final IntVector b3 = v3.reinterpretAsInts().and(ABS_MASK);
            final FloatVector d0 = v0.sub(shift);
            final FloatVector d1 = v1.sub(shift);
            final FloatVector d2 = v2.sub(shift);
            final FloatVector d3 = v3.sub(shift);
            s0 = s0.add(d0);
            s1 = s1.add(d1);
            s2 = s2.add(d2);
            s3 = s3.add(d3);
            q0 = d0.fma(d0, q0);
            q1 = d1.fma(d1, q1);
            q2 = d2.fma(d2, q2);
            q3 = d3.fma(d3, q3);
            a0 = a0.add(b0.reinterpretAsFloats());
            a1 = a1.add(b1.reinterpretAsFloats());
            a2 = a2.add(b2.reinterpretAsFloats());
            a3 = a3.add(b3.reinterpretAsFloats());
            x0 = x0.max(b0);
            x1 = x1.max(b1);
            x2 = x2.max(b2);
            x3 = x3.max(b3);
        }
        final int maxBits = x0.max(x1).max(x2.max(x3)).reduceLanes(VectorOperators.MAX);
        final float s = sumLanesInOrder(s0.add(s1).add(s2.add(s3)));
        final float q = sumLanesInOrder(q0.add(q1).add(q2.add(q3)));
        final float a = sumLanesInOrder(a0.add(a1).add(a2.add(a3)));
        if (maxBits < INFINITY_BITS && Float.isFinite(s) && Float.isFinite(q) && Float.isFinite(a)) {
            m.addBlock(length, s, q, a, Float.intBitsToFloat(maxBits));
        } else {
            // NaN/Inf in the block (must be counted and left out) or a float partial overflowed: redo in double
            m.addScalar(floats, fromIndex, length);
        }
    }

    /**
     * ((v_0 + v_1) + v_2) + ... in lane order. {@code reduceLanes(ADD)} leaves the order open, and the interpreter,
     * C1 and C2 do pick different orders, so the same input could give results an ulp apart depending on JIT state
     * (seen as a flaky bit-for-bit comparison of two encodes of one gradient). Once per block, so the cost is nil.
     */
    private static float sumLanesInOrder(final FloatVector v) {
        float sum = v.lane(0);
        for (int i = 1; i < LANES; i++) {
            sum += v.lane(i);
        }
        return sum;
    }
}
