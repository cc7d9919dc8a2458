package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/** {@link TernGradKernel} on the Vector API, bit-identical to {@link ScalarTernGradKernel}. */
public final class PanamaTernGradKernel implements TernGradKernel {

    private static final int LANES = PanamaDither.FS.length();
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** Creates the kernel. */
    public PanamaTernGradKernel() {
    }

    @Override
    public void quantize(final MemorySegment src, final long fromFloat, final int count, final float max, final int key, final int[] q) {
        final long base = fromFloat * Float.BYTES;
        final int bound = count - count % LANES;
        final IntVector zero = IntVector.zero(PanamaDither.IS);
        int i = 0;
        for (; i < bound; i += LANES) {
            final FloatVector x = FloatVector.fromMemorySegment(PanamaDither.FS, src, base + (long) i * Float.BYTES, LE);
            final VectorMask<Integer> keep = PanamaDither.unit(i, key).mul(max).compare(VectorOperators.LT, x.abs()).cast(PanamaDither.IS);
            final VectorMask<Integer> negative = x.compare(VectorOperators.LT, 0f).cast(PanamaDither.IS);
            zero.blend(1, keep).blend(-1, keep.and(negative)).intoArray(q, i);
        }
        ScalarTernGradKernel.quantizeRange(src, fromFloat, i, count, max, key, q);
    }
}
