package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/** {@link LloydMaxKernel} on the Vector API: one compare-and-add per threshold, bit-identical to the scalar one. */
public final class PanamaLloydMaxKernel implements LloydMaxKernel {

    private static final int LANES = PanamaDither.FS.length();
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** Creates the kernel. */
    public PanamaLloydMaxKernel() {
    }

    @Override
    public void quantize(final MemorySegment src, final long fromFloat, final int count, final float mean, final float invSigma,
            final float[] thresholds, final int[] q) {
        final long base = fromFloat * Float.BYTES;
        final int bound = count - count % LANES;
        final IntVector zero = IntVector.zero(PanamaDither.IS);
        int i = 0;
        for (; i < bound; i += LANES) {
            final FloatVector z = FloatVector.fromMemorySegment(PanamaDither.FS, src, base + (long) i * Float.BYTES, LE).sub(mean).mul(invSigma);
            IntVector k = zero;
            for (final float t : thresholds) {
                k = k.add(1, z.compare(VectorOperators.GE, t).cast(PanamaDither.IS));
            }
            k.intoArray(q, i);
        }
        ScalarLloydMaxKernel.quantizeRange(src, fromFloat, i, count, mean, invSigma, thresholds, q);
    }
}
