package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/** {@link QsgdKernel} on the Vector API, bit-identical to {@link ScalarQsgdKernel}. */
public final class PanamaQsgdKernel implements QsgdKernel {

    private static final int LANES = PanamaDither.FS.length();
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** Creates the kernel. */
    public PanamaQsgdKernel() {
    }

    @Override
    public void quantize(final MemorySegment src, final long fromFloat, final int count, final float scale, final int levels, final int key, final int[] q) {
        final long base = fromFloat * Float.BYTES;
        final int bound = count - count % LANES;
        int i = 0;
        for (; i < bound; i += LANES) {
            final FloatVector x = FloatVector.fromMemorySegment(PanamaDither.FS, src, base + (long) i * Float.BYTES, LE);
            final FloatVector t = x.abs().mul(scale).add(PanamaDither.unit(i, key));
            final IntVector l = ((IntVector) t.convert(VectorOperators.F2I, 0)).min(levels);
            l.blend(l.neg(), x.compare(VectorOperators.LT, 0f).cast(PanamaDither.IS)).intoArray(q, i);
        }
        ScalarQsgdKernel.quantizeRange(src, fromFloat, i, count, scale, levels, key, q);
    }

    @Override
    public void reconstruct(final int[] q, final int count, final float unit, final MemorySegment dst, final long toFloat) {
        final long base = toFloat * Float.BYTES;
        final int bound = count - count % LANES;
        int i = 0;
        for (; i < bound; i += LANES) {
            final FloatVector v = (FloatVector) IntVector.fromArray(PanamaDither.IS, q, i).convert(VectorOperators.I2F, 0);
            v.mul(unit).intoMemorySegment(dst, base + (long) i * Float.BYTES, LE);
        }
        ScalarQsgdKernel.reconstructRange(q, i, count, unit, dst, toFloat);
    }
}
