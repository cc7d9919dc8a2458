package org.rdcodec.sw.ceo;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PlaneLlrKernel} on the Vector API: the preferred double species, the int indices and float dithers in
 * the half-width shape of the same lane count. Per lane the same operations in the same order as
 * {@link BitPlaneModel#edge}, {@link BitPlaneModel#edgeCdf} (the Gaussian tail of
 * {@link org.rdcodec.core.stats.Gaussian#erfc}: one division and one exponential) and the halves' LLR, with the
 * branches as blends; only EXP and LOG are the Vector API's. The last, partial vector runs masked, so every LLR
 * is computed the same way wherever its coordinate sits (descend only copies, so its tail is scalar). The rare lane whose halves both lie beyond the tails'
 * double range goes to {@link BitPlaneModel#llr}, as in the scalar kernel.
 */
public final class PanamaPlaneLlrKernel implements PlaneLlrKernel {

    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorShape HALF = VectorShape.forBitSize(DS.vectorBitSize() / 2);
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_64.withShape(HALF);
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_64.withShape(HALF);
    private static final int LANES = DS.length();
    private static final double SQRT2 = Math.sqrt(2);
    private static final double MAX = BitPlaneModel.MAX_LLR;

    /** Creates the kernel. */
    public PanamaPlaneLlrKernel() {
        if (FS.length() != LANES || IS.length() != LANES) {
            throw new IllegalStateException("no float/int species of " + LANES + " lanes");
        }
    }

    @Override
    public void llrs(final BitPlaneModel model, final int plane, final int[] r, final float[] u, final double step,
            final double[] mu, final double s, final int n, final PlaneEdges lo, final PlaneEdges mid,
            final PlaneEdges hi, final float[] out) {
        mid.ensure(n);
        final int shift = plane + 1;
        // r0 + 2^b + qmin is an exact int: offsets below 2^30, |qmin| at most the worker's 2^22 bound
        final int add = (1 << plane) + model.qmin();
        final int bound = DS.loopBound(n);
        for (int i = 0; i < bound; i += LANES) {
            final DoubleVector z = standardised(IntVector.fromArray(IS, r, i), FloatVector.fromArray(FS, u, i),
                    DoubleVector.fromArray(DS, mu, i), shift, add, step, s);
            final DoubleVector tail = tail(z);
            final DoubleVector other = DoubleVector.broadcast(DS, 1).sub(tail);
            // Phi(z) and Phi(-z): the small tail on the far side, at z = 0 both the tail (as Gaussian.cdf(0))
            final DoubleVector zPos = tail.blend(other, z.compare(VectorOperators.GT, 0));
            final DoubleVector zNeg = other.blend(tail, z.compare(VectorOperators.GE, 0));
            z.intoArray(mid.z, i);
            zPos.intoArray(mid.pos, i);
            zNeg.intoArray(mid.neg, i);
            final DoubleVector p0 = interval(DoubleVector.fromArray(DS, lo.z, i), DoubleVector.fromArray(DS, lo.pos, i),
                    DoubleVector.fromArray(DS, lo.neg, i), z, zPos, zNeg);
            final DoubleVector p1 = interval(z, zPos, zNeg, DoubleVector.fromArray(DS, hi.z, i),
                    DoubleVector.fromArray(DS, hi.pos, i), DoubleVector.fromArray(DS, hi.neg, i));
            final VectorMask<Double> has0 = p0.compare(VectorOperators.GT, 0);
            final VectorMask<Double> has1 = p1.compare(VectorOperators.GT, 0);
            ((FloatVector) llr(p0, p1, has0, has1).convertShape(VectorOperators.D2F, FS, 0)).intoArray(out, i);
            final VectorMask<Double> neither = has0.or(has1).not();
            if (neither.anyTrue()) {
                fallback(model, plane, r, u, step, mu, s, out, i, neither);
            }
        }
        if (bound < n) {
            // the last, partial vector masked: the same lane arithmetic, so an LLR does not depend on its position
            final int i = bound;
            final VectorMask<Double> dm = DS.indexInRange(i, n);
            final DoubleVector z = standardised(IntVector.fromArray(IS, r, i, IS.indexInRange(i, n)),
                    FloatVector.fromArray(FS, u, i, FS.indexInRange(i, n)), DoubleVector.fromArray(DS, mu, i, dm),
                    shift, add, step, s);
            final DoubleVector tail = tail(z);
            final DoubleVector other = DoubleVector.broadcast(DS, 1).sub(tail);
            final DoubleVector zPos = tail.blend(other, z.compare(VectorOperators.GT, 0));
            final DoubleVector zNeg = other.blend(tail, z.compare(VectorOperators.GE, 0));
            z.intoArray(mid.z, i, dm);
            zPos.intoArray(mid.pos, i, dm);
            zNeg.intoArray(mid.neg, i, dm);
            final DoubleVector p0 = interval(DoubleVector.fromArray(DS, lo.z, i, dm),
                    DoubleVector.fromArray(DS, lo.pos, i, dm), DoubleVector.fromArray(DS, lo.neg, i, dm), z, zPos, zNeg);
            final DoubleVector p1 = interval(z, zPos, zNeg, DoubleVector.fromArray(DS, hi.z, i, dm),
                    DoubleVector.fromArray(DS, hi.pos, i, dm), DoubleVector.fromArray(DS, hi.neg, i, dm));
            final VectorMask<Double> has0 = p0.compare(VectorOperators.GT, 0);
            final VectorMask<Double> has1 = p1.compare(VectorOperators.GT, 0);
            ((FloatVector) llr(p0, p1, has0, has1).convertShape(VectorOperators.D2F, FS, 0))
                    .intoArray(out, i, FS.indexInRange(i, n));
            final VectorMask<Double> neither = has0.or(has1).not().and(dm);
            if (neither.anyTrue()) {
                fallback(model, plane, r, u, step, mu, s, out, i, neither);
            }
        }
    }

    /** z = (((r0 + 2^b + qmin) - u - 1/2) step - mu) / s, as BitPlaneModel.edge (add = 2^b + qmin). */
    private static DoubleVector standardised(final IntVector r, final FloatVector u, final DoubleVector mu,
            final int shift, final int add, final double step, final double s) {
        final IntVector r0 = shift >= 31 ? IntVector.zero(IS)
                : r.lanewise(VectorOperators.LSHR, shift).lanewise(VectorOperators.LSHL, shift);
        final DoubleVector index = (DoubleVector) r0.add(add).convertShape(VectorOperators.I2D, DS, 0);
        final DoubleVector ud = (DoubleVector) u.convertShape(VectorOperators.F2D, DS, 0);
        return index.sub(ud).sub(0.5).mul(step).sub(mu).div(s);
    }

    /** Phi(-|z|) = erfc(|z| / sqrt 2) / 2 by Gaussian.erfc's formula, operation for operation. */
    private static DoubleVector tail(final DoubleVector z) {
        final DoubleVector x = z.abs().div(SQRT2);
        final DoubleVector t = DoubleVector.broadcast(DS, 1).div(x.mul(0.5).add(1));
        DoubleVector poly = t.mul(0.17087277).add(-0.82215223);
        poly = t.mul(poly).add(1.48851587);
        poly = t.mul(poly).add(-1.13520398);
        poly = t.mul(poly).add(0.27886807);
        poly = t.mul(poly).add(-0.18628806);
        poly = t.mul(poly).add(0.09678418);
        poly = t.mul(poly).add(0.37409196);
        poly = t.mul(poly).add(1.00002368);
        final DoubleVector arg = x.neg().mul(x).sub(1.26551223).add(t.mul(poly));
        return t.mul(arg.lanewise(VectorOperators.EXP)).mul(0.5);
    }

    /** ln(p0 / p1) clamped where both halves have mass, else +-MAX_LLR (both empty: fixed by the fallback). */
    private static DoubleVector llr(final DoubleVector p0, final DoubleVector p1, final VectorMask<Double> has0,
            final VectorMask<Double> has1) {
        final DoubleVector llr = p0.div(p1).lanewise(VectorOperators.LOG).min(MAX).max(-MAX);
        return DoubleVector.broadcast(DS, -MAX).blend(MAX, has0).blend(llr, has0.and(has1));
    }

    /** Lanes whose halves both lie beyond the tails' double range: {@link BitPlaneModel#llr}, as the scalar kernel. */
    private static void fallback(final BitPlaneModel model, final int plane, final int[] r, final float[] u,
            final double step, final double[] mu, final double s, final float[] out, final int i,
            final VectorMask<Double> neither) {
        final int shift = plane + 1;
        for (int j = neither.firstTrue(); j < LANES; j++) {
            if (neither.laneIsSet(j)) {
                final int k = i + j;
                out[k] = model.llr(plane, shift >= 31 ? 0 : r[k] >>> shift, u[k], step, mu[k], s);
            }
        }
    }

    /** P(a &lt;= Z &lt; b) from the edges' z, Phi(z), Phi(-z), as BitPlaneModel's interval, the branches as blends. */
    private static DoubleVector interval(final DoubleVector a, final DoubleVector aPos, final DoubleVector aNeg,
            final DoubleVector b, final DoubleVector bPos, final DoubleVector bNeg) {
        return DoubleVector.broadcast(DS, 1).sub(aPos).sub(bNeg)
                .blend(bPos.sub(aPos), b.compare(VectorOperators.LE, 0))
                .blend(aNeg.sub(bNeg), a.compare(VectorOperators.GE, 0))
                .blend(0, b.compare(VectorOperators.GT, a).not());
    }

    @Override
    public void descend(final int plane, final int[] r, final int n, final PlaneEdges lo, final PlaneEdges mid,
            final PlaneEdges hi) {
        final int bound = DS.loopBound(n);
        for (int i = 0; i < bound; i += LANES) {
            final VectorMask<Double> one = bitSet(IntVector.fromArray(IS, r, i), plane);
            final VectorMask<Double> zero = one.not();
            move(mid.z, lo.z, hi.z, i, one, zero);
            move(mid.pos, lo.pos, hi.pos, i, one, zero);
            move(mid.neg, lo.neg, hi.neg, i, one, zero);
        }
        for (int i = bound; i < n; i++) {
            final PlaneEdges to = ((r[i] >>> plane) & 1) == 0 ? hi : lo;
            to.z[i] = mid.z[i];
            to.pos[i] = mid.pos[i];
            to.neg[i] = mid.neg[i];
        }
    }

    /** Lanes whose bit b is set, as a double mask (through the exact int-to-double conversion of the bit). */
    private static VectorMask<Double> bitSet(final IntVector r, final int plane) {
        return ((DoubleVector) r.lanewise(VectorOperators.LSHR, plane).lanewise(VectorOperators.AND, 1)
                .convertShape(VectorOperators.I2D, DS, 0)).compare(VectorOperators.NE, 0);
    }

    private static void move(final double[] mid, final double[] lo, final double[] hi, final int i,
            final VectorMask<Double> one, final VectorMask<Double> zero) {
        final DoubleVector m = DoubleVector.fromArray(DS, mid, i);
        DoubleVector.fromArray(DS, lo, i).blend(m, one).intoArray(lo, i);
        DoubleVector.fromArray(DS, hi, i).blend(m, zero).intoArray(hi, i);
    }
}
