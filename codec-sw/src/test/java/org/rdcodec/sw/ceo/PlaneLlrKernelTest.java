package org.rdcodec.sw.ceo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import jdk.incubator.vector.DoubleVector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API LLR chain against the scalar reference (which equals {@link BitPlaneModel#llr} bit for bit),
 * plane by plane down a random index, on every tail size.
 *
 * <p><b>Tolerance.</b> The two kernels run the same double operations except the exponential of each edge's
 * Gaussian tail and the logarithm of the LLR, where Math.exp / Math.log and the Vector API's EXP / LOG are each
 * within 1 ulp of the exact value (so within 2 ulps = 4u of each other, u = 2^-53). A tail t exp(arg) / 2 then
 * differs by at most 4u + 2u (the two products rounded from different inputs) < {@link #EDGE_REL} u relative,
 * plus {@link #SUBNORMAL_ULPS} ulps of the smallest subnormal where it underflows; its complement 1 - tail
 * (at least 1/2) by the tail's absolute error plus u, below 10u relative too. An interval probability
 * p = A - B (or 1 - A - B) of edge values then differs by at most 10u (A + B [+ 1]) + 2u p + the subnormal
 * term, i.e. relatively by kappa = that / p (the cancellation of nearby edges is the amplification), and the
 * LLR ln(p0 / p1) in double by kappa0 + kappa1 + u (division) + 4u |L| (the two logarithms). Rounding to float
 * adds at most one float ulp of |L| (the two doubles can round to neighbouring floats), and clamping to
 * +-MAX_LLR never widens a difference. Where the bound reaches p itself the LLR is unconstrained (both halves
 * are lost in the tails' rounding); mostly both are then exactly 0 and both kernels take the same scalar fallback,
 * and the test requires the rest (different LLRs) to be rare.
 */
class PlaneLlrKernelTest {

    /**
     * Unconstrained LLRs that differ are allowed at one per thousand plus this one: whether such an LLR differs
     * depends on exp's last bit, which the Vector API takes from Math.exp until C2 compiles the kernel, so a
     * size with fewer than a thousand LLRs must still tolerate one.
     */
    private static final int UNCONSTRAINED_FLOOR = 1;

    private static final double U = 0x1p-53;
    /** Relative difference of an edge value between the kernels, in units of u (derivation above). */
    private static final double EDGE_REL = 10;
    /** Absolute difference of an underflowing tail, in smallest subnormals (two 1-ulp results). */
    private static final double SUBNORMAL_ULPS = 4;

    static IntStream sizes() {
        final int lanes = DoubleVector.SPECIES_PREFERRED.length();
        return IntStream.of(0, 1, lanes - 1, lanes + 1, 1000, 4099);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void vectorLlrsMatchScalarWithinTheDerivedBound(final int n) {
        final SplittableRandom rnd = new SplittableRandom(31 + n);
        for (final int planes : new int[] {1, 4, 9, 30}) {
            final BitPlaneModel model = new BitPlaneModel(planes, -(1 << (planes - 1)));
            final float[] u = new float[n];
            final double[] mu = new double[n];
            final int[] truth = new int[n];
            final double step = 0.05 + 3 * rnd.nextDouble();
            final double s = Math.pow(10, -2 + 3 * rnd.nextDouble());
            for (int i = 0; i < n; i++) {
                u[i] = (float) (rnd.nextDouble() - 0.5);
                truth[i] = i % 13 == 0 ? (i % 2) * (int) ((1L << planes) - 1) : (int) (rnd.nextLong() >>> (64 - planes));
                // mostly near the true cell (the decoder's case), some far outside the range (saturated tails)
                final double y = ((double) truth[i] + model.qmin() - u[i]) * step;
                mu[i] = i % 17 == 0 ? y + (rnd.nextDouble() - 0.5) * step * (1 << Math.min(planes, 20)) * 8
                        : y + s * rnd.nextGaussian();
            }
            final PlaneEdges[] sc = {new PlaneEdges(), new PlaneEdges(), new PlaneEdges()};
            final PlaneEdges[] vc = {new PlaneEdges(), new PlaneEdges(), new PlaneEdges()};
            // stale, longer arrays first
            for (final PlaneEdges[] e : new PlaneEdges[][] {sc, vc}) {
                e[0].lowerEnd(n + 9);
                e[2].upperEnd(n + 9);
                e[0].lowerEnd(n);
                e[2].upperEnd(n);
            }
            final int[] r = new int[n];
            final float[] scalar = new float[n];
            final float[] vector = new float[n];
            int unconstrained = 0;
            for (int b = planes - 1; b >= 0; b--) {
                new ScalarPlaneLlrKernel().llrs(model, b, truth, u, step, mu, s, n, sc[0], sc[1], sc[2], scalar);
                new PanamaPlaneLlrKernel().llrs(model, b, truth, u, step, mu, s, n, vc[0], vc[1], vc[2], vector);
                for (int i = 0; i < n; i++) {
                    assertEquals(model.llr(b, b + 1 >= 31 ? 0 : truth[i] >>> (b + 1), u[i], step, mu[i], s), scalar[i], 0f,
                            "scalar = llr(), plane " + b + " i " + i);
                    final double tol = tolerance(sc[0], sc[1], sc[2], i, scalar[i]);
                    if (Double.isNaN(tol)) {
                        // both halves lost in the tails: usually both exactly 0 in both kernels (the same fallback)
                        unconstrained += scalar[i] == vector[i] ? 0 : 1;
                        continue;
                    }
                    assertEquals(scalar[i], vector[i], tol, "planes " + planes + " plane " + b + " i " + i);
                }
                new ScalarPlaneLlrKernel().descend(b, truth, n, sc[0], sc[1], sc[2]);
                new PanamaPlaneLlrKernel().descend(b, truth, n, vc[0], vc[1], vc[2]);
                for (int i = 0; i < n; i++) {
                    r[i] |= truth[i] & (1 << b);
                }
            }
            assertTrue(unconstrained <= UNCONSTRAINED_FLOOR + n * planes / 1000, unconstrained + " of " + n * planes + " LLRs unconstrained and different");
        }
    }

    /**
     * The bound on |scalar - vector| for coordinate i (class comment), or NaN where it does not constrain the LLR.
     * Both halves above their error bound: one float ulp + kappa0 + kappa1 + u + 4u |L|. One half at most its error
     * bound (lost in the tail): the LLR is saturated in both kernels (0 difference) when the other half over
     * that bound exceeds e^MAX_LLR; otherwise, and when both are lost, unconstrained.
     */
    private static double tolerance(final PlaneEdges lo, final PlaneEdges mid, final PlaneEdges hi, final int i,
            final float llr) {
        final double p0 = BitPlaneModel.interval(lo.z[i], mid.z[i]);
        final double p1 = BitPlaneModel.interval(mid.z[i], hi.z[i]);
        final double e0 = absoluteBound(lo, mid, i, p0);
        final double e1 = absoluteBound(mid, hi, i, p1);
        if (p0 > e0 && p1 > e1) {
            return Math.ulp(Math.abs(llr)) + e0 / p0 + e1 / p1 + U + 4 * U * Math.abs(llr);
        }
        final double saturation = Math.exp(BitPlaneModel.MAX_LLR);
        if (p0 > e0 && (p0 - e0) > saturation * e1 || p1 > e1 && (p1 - e1) > saturation * e0) {
            return 0;
        }
        return Double.NaN;
    }

    /** Absolute bound on the difference of the interval probability p between edges a and b (class comment). */
    private static double absoluteBound(final PlaneEdges a, final PlaneEdges b, final int i, final double p) {
        final double az = a.z[i];
        final double bz = b.z[i];
        if (!(bz > az)) {
            return 0; // both kernels give exactly 0 (same z, same comparison)
        }
        final double terms;
        if (az >= 0) {
            terms = a.neg[i] + b.neg[i];
        } else if (bz <= 0) {
            terms = b.pos[i] + a.pos[i];
        } else {
            terms = 1 + a.pos[i] + b.neg[i];
        }
        return EDGE_REL * U * terms + 2 * U * p + SUBNORMAL_ULPS * Double.MIN_VALUE;
    }
}
