package org.rdcodec.sw.ceo;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PlaneBitsKernel} on the Vector API: shift each lane's plane bit into the sign position and compare
 * with zero; the mask's {@code toLong()} is LANES bits of the plane, 64 / LANES masks fill one word.
 */
public final class PanamaPlaneBitsKernel implements PlaneBitsKernel {

    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final int LANES = IS.length();

    /** Creates the kernel; needs a lane count that divides 64. */
    public PanamaPlaneBitsKernel() {
        if (64 % LANES != 0) {
            throw new IllegalStateException("lanes " + LANES + " do not divide 64");
        }
    }

    @Override
    public void extract(final int[] r, final int from, final int n, final int plane, final long[] out) {
        final int full = n >>> 6;
        final int up = 31 - plane;
        for (int w = 0; w < full; w++) {
            long bits = 0;
            final int i0 = from + (w << 6);
            for (int j = 0; j < 64; j += LANES) {
                bits |= IntVector.fromArray(IS, r, i0 + j).lanewise(VectorOperators.LSHL, up)
                        .compare(VectorOperators.LT, 0).toLong() << j;
            }
            out[w] = bits;
        }
        ScalarPlaneBitsKernel.extractRange(r, from, full << 6, n, plane, out);
    }
}
