package org.rdcodec.sw.ceo;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PlaneEntropyKernel} on the Vector API: the preferred double species (the float LLRs loaded in the
 * half-width shape of the same lane count and widened), EXP and LOG1P lane-wise, one partial sum per lane added in
 * lane order at the end; the last, partial vector runs masked (its empty lanes add 0).
 */
public final class PanamaPlaneEntropyKernel implements PlaneEntropyKernel {

    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorShape HALF = VectorShape.forBitSize(DS.vectorBitSize() / 2);
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_64.withShape(HALF);
    private static final int LANES = DS.length();

    /** Creates the kernel. */
    public PanamaPlaneEntropyKernel() {
        if (FS.length() != LANES) {
            throw new IllegalStateException("no float species of " + LANES + " lanes");
        }
    }

    @Override
    public double entropyNats(final float[] llr, final int n) {
        DoubleVector h = DoubleVector.zero(DS);
        for (int i = 0; i < n; i += LANES) {
            final VectorMask<Float> m = FS.indexInRange(i, n);
            final DoubleVector a = ((DoubleVector) FloatVector.fromArray(FS, llr, i, m)
                    .convertShape(VectorOperators.F2D, DS, 0)).abs();
            final DoubleVector e = a.neg().lanewise(VectorOperators.EXP);
            // masked-off lanes hold a = 0: their term is ln 2, so blend it away
            h = h.add(a.mul(e.div(e.add(1))).add(e.lanewise(VectorOperators.LOG1P)), m.cast(DS));
        }
        return inLaneOrder(h);
    }

    @Override
    public void moments(final float[] llr, final int n, final double[] sums) {
        DoubleVector h = DoubleVector.zero(DS);
        DoubleVector disp = DoubleVector.zero(DS);
        DoubleVector err = DoubleVector.zero(DS);
        for (int i = 0; i < n; i += LANES) {
            final VectorMask<Float> fm = FS.indexInRange(i, n);
            final VectorMask<Double> m = fm.cast(DS);
            final DoubleVector a = ((DoubleVector) FloatVector.fromArray(FS, llr, i, fm)
                    .convertShape(VectorOperators.F2D, DS, 0)).abs();
            final DoubleVector e = a.neg().lanewise(VectorOperators.EXP);
            final DoubleVector p = e.div(e.add(1));
            h = h.add(a.mul(p).add(e.lanewise(VectorOperators.LOG1P)), m);
            disp = disp.add(p.mul(DoubleVector.broadcast(DS, 1).sub(p)).mul(a).mul(a), m);
            err = err.add(p, m);
        }
        sums[0] = inLaneOrder(h);
        sums[1] = inLaneOrder(disp);
        sums[2] = inLaneOrder(err);
    }

    /** Cross-lane sum in lane order (reduceLanes leaves the order open, so results could vary from run to run). */
    private static double inLaneOrder(final DoubleVector v) {
        double sum = 0;
        for (int j = 0; j < LANES; j++) {
            sum += v.lane(j);
        }
        return sum;
    }
}
