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
        final int bound = DS.loopBound(n);
        for (int i = 0; i < bound; i += LANES) {
            final DoubleVector a = abs(FloatVector.fromArray(FS, llr, i));
            final DoubleVector e = a.neg().lanewise(VectorOperators.EXP);
            h = h.add(entropy(a, e));
        }
        if (bound < n) {
            // the last, partial vector masked: its empty lanes load 0 and are not added
            final DoubleVector a = abs(FloatVector.fromArray(FS, llr, bound, FS.indexInRange(bound, n)));
            final DoubleVector e = a.neg().lanewise(VectorOperators.EXP);
            h = h.add(entropy(a, e), DS.indexInRange(bound, n));
        }
        return inLaneOrder(h);
    }

    @Override
    public void moments(final float[] llr, final int n, final double[] sums) {
        DoubleVector h = DoubleVector.zero(DS);
        DoubleVector disp = DoubleVector.zero(DS);
        DoubleVector err = DoubleVector.zero(DS);
        final int bound = DS.loopBound(n);
        for (int i = 0; i < bound; i += LANES) {
            final DoubleVector a = abs(FloatVector.fromArray(FS, llr, i));
            final DoubleVector e = a.neg().lanewise(VectorOperators.EXP);
            final DoubleVector p = e.div(e.add(1));
            h = h.add(entropy(a, e));
            disp = disp.add(dispersion(a, p));
            err = err.add(p);
        }
        if (bound < n) {
            final VectorMask<Double> m = DS.indexInRange(bound, n);
            final DoubleVector a = abs(FloatVector.fromArray(FS, llr, bound, FS.indexInRange(bound, n)));
            final DoubleVector e = a.neg().lanewise(VectorOperators.EXP);
            final DoubleVector p = e.div(e.add(1));
            h = h.add(entropy(a, e), m);
            disp = disp.add(dispersion(a, p), m);
            err = err.add(p, m);
        }
        sums[0] = inLaneOrder(h);
        sums[1] = inLaneOrder(disp);
        sums[2] = inLaneOrder(err);
    }

    private static DoubleVector abs(final FloatVector llr) {
        return ((DoubleVector) llr.convertShape(VectorOperators.F2D, DS, 0)).abs();
    }

    /** a p + ln(1 + e), p = e / (1 + e), as the scalar kernel. */
    private static DoubleVector entropy(final DoubleVector a, final DoubleVector e) {
        return a.mul(e.div(e.add(1))).add(e.lanewise(VectorOperators.LOG1P));
    }

    /** p (1 - p) a a, as the scalar kernel. */
    private static DoubleVector dispersion(final DoubleVector a, final DoubleVector p) {
        return p.mul(DoubleVector.broadcast(DS, 1).sub(p)).mul(a).mul(a);
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
