package org.rdcodec.sw.ceo;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import org.rdcodec.core.quant.Dither;

/**
 * {@link CeoQuantizerKernel} on the Vector API: the preferred double species, with floats and ints in the
 * half-width shape of the same lane count. The dither hash is {@link Dither#hash} lane by lane, the float
 * dither is exact, and floor is the truncating conversion minus one where it rounded up (|s| stays far below
 * 2^31), so every index equals the scalar kernel's.
 */
public final class PanamaCeoQuantizerKernel implements CeoQuantizerKernel {

    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorShape HALF = VectorShape.forBitSize(DS.vectorBitSize() / 2);
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_64.withShape(HALF);
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_64.withShape(HALF);
    private static final int LANES = DS.length();

    /** Creates the kernel. */
    public PanamaCeoQuantizerKernel() {
        if (FS.length() != LANES || IS.length() != LANES) {
            throw new IllegalStateException("no float/int species of " + LANES + " lanes");
        }
    }

    @Override
    public long quantize(final float[] y, final int off, final int n, final float step, final int key,
            final double maxAbs, final int[] q, final int[] hash) {
        if (n == 0) {
            return 0;
        }
        final int bound = n - n % LANES;
        final IntVector iota = IntVector.zero(IS).addIndex(1);
        final double dstep = step;
        IntVector lo = IntVector.broadcast(IS, Integer.MAX_VALUE);
        IntVector hi = IntVector.broadcast(IS, Integer.MIN_VALUE);
        for (int i = 0; i < bound; i += LANES) {
            final DoubleVector yd = (DoubleVector) FloatVector.fromArray(FS, y, off + i)
                    .convertShape(VectorOperators.F2D, DS, 0);
            IntVector h = iota.add(i).lanewise(VectorOperators.XOR, key);
            h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 16)).mul(0x7feb352d);
            h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 15)).mul(0x846ca68b);
            h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 16));
            if (hash != null) {
                h.intoArray(hash, i);
            }
            final FloatVector u = ((FloatVector) h.lanewise(VectorOperators.LSHR, 8).convert(VectorOperators.I2F, 0))
                    .mul(Dither.UNIT).sub(0.5f);
            final DoubleVector s = yd.div(dstep).add((DoubleVector) u.convertShape(VectorOperators.F2D, DS, 0)).add(0.5);
            if (s.abs().compare(VectorOperators.GT, maxAbs).anyTrue()) {
                // the scalar loop finds and reports the first offending index
                return ScalarCeoQuantizerKernel.quantizeRange(y, off, i, n, step, key, maxAbs, q, hash,
                        Integer.MAX_VALUE, Integer.MIN_VALUE);
            }
            final IntVector t = (IntVector) s.convertShape(VectorOperators.D2I, IS, 0);
            final DoubleVector td = (DoubleVector) t.convertShape(VectorOperators.I2D, DS, 0);
            // truncation rounded up exactly where s < trunc(s): subtract one there (mask bit to int lane -1)
            final IntVector fl = t.sub(IntVector.zero(IS).blend(1, s.compare(VectorOperators.LT, td).cast(IS)));
            fl.intoArray(q, i);
            lo = lo.min(fl);
            hi = hi.max(fl);
        }
        return ScalarCeoQuantizerKernel.quantizeRange(y, off, bound, n, step, key, maxAbs, q, hash,
                lo.reduceLanes(VectorOperators.MIN), hi.reduceLanes(VectorOperators.MAX));
    }
}
