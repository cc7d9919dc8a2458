package org.rdcodec.sw.ceo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.rdcodec.sw.ldpc.RateChoice;

class BitPlaneModelTest {

    /**
     * Chained bit probabilities multiply to P(r) exactly in real arithmetic; numerically the Gaussian
     * CDF carries a fractional error up to 1.2e-7 (its erfc approximation), made at different points by
     * the chained and the direct computation. An interval probability P = Phi(b) - Phi(a) then errs by
     * up to 2.4e-7 Phi / P relative; for sampled (typical) cells Phi / P stays below ~100, so each of the
     * at most 2 x 5 + 1 probabilities is off by at most 2.4e-5 relative = 3.5e-5 bit: 1e-4 bit in all.
     */
    private static final double CHAIN_TOL_BITS = 1e-4;

    private static double p0(final float llr) {
        return 1 / (1 + Math.exp(-llr));
    }

    /**
     * Chain rule, sample by sample: -log2 P(r) = sum over planes of -log2 P(bit | planes above), so the
     * planes' code lengths add up to the index's conditional code length (and their means to
     * H(q | side information)).
     */
    @Test
    void planeProbabilitiesChainToTheIndexProbability() {
        final SplittableRandom rnd = new SplittableRandom(3);
        final int planes = 5;
        final BitPlaneModel m = new BitPlaneModel(planes, -16);
        final double step = 0.7;
        for (int t = 0; t < 2000; t++) {
            final double mu = rnd.nextGaussian() * 2;
            final double s = 0.3 + rnd.nextDouble() * 2;
            final float u = (float) (rnd.nextDouble() - 0.5);
            final double y = mu + s * rnd.nextGaussian();
            final int q = (int) Math.floor(y / step + u + 0.5);
            final int r = Math.max(0, Math.min((1 << planes) - 1, q + 16));
            double bits = 0;
            for (int b = planes - 1; b >= 0; b--) {
                final float llr = m.llr(b, r >> (b + 1), u, step, mu, s);
                final int bit = (r >> b) & 1;
                final double p = bit == 0 ? p0(llr) : 1 - p0(llr);
                bits -= Math.log(p) / Math.log(2);
            }
            final double direct = -Math.log(m.probability(r, u, step, mu, s)) / Math.log(2);
            assertEquals(direct, bits, CHAIN_TOL_BITS, "sample " + t);
        }
    }

    /** The chained evaluation (one tail per plane) gives llr()'s values bit for bit, tails and ends included. */
    @Test
    void chainedLlrsEqualThePerPlaneLlrsExactly() {
        final SplittableRandom rnd = new SplittableRandom(11);
        for (final int planes : new int[] {1, 2, 5, 12, 30}) {
            final BitPlaneModel m = new BitPlaneModel(planes, -(1 << (planes - 1)));
            final float[] chain = new float[planes];
            for (int t = 0; t < 3000; t++) {
                final double step = 0.05 + rnd.nextDouble() * 3;
                // from sharp to flat side information, means inside and far outside the range
                final double s = Math.pow(10, -3 + 5 * rnd.nextDouble());
                final double mu = (rnd.nextDouble() - 0.5) * step * (1 << Math.min(planes, 20)) * 4;
                final float u = (float) (rnd.nextDouble() - 0.5);
                final int r = t % 7 == 0 ? 0 : t % 7 == 1 ? (int) ((1L << planes) - 1)
                        : (int) (rnd.nextLong() >>> (64 - planes));
                m.chainLlrs(r, u, step, mu, s, chain);
                for (int b = planes - 1; b >= 0; b--) {
                    final int prefix = b + 1 >= 31 ? 0 : r >>> (b + 1);
                    assertEquals(m.llr(b, prefix, u, step, mu, s), chain[b], 0f,
                            "planes " + planes + " sample " + t + " plane " + b);
                }
            }
        }
    }

    /**
     * The server's chain over all coordinates gives llr()'s values bit for bit while it descends plane by plane,
     * and its conditional entropy equals RateChoice's (same quantity, rearranged: rounding only).
     */
    @Test
    void serverChainEqualsPerPlaneLlrs() {
        final SplittableRandom rnd = new SplittableRandom(13);
        final int planes = 6;
        final int n = 2000;
        final BitPlaneModel m = new BitPlaneModel(planes, -20);
        final double step = 0.9;
        final float[] u = new float[n];
        final double[] mu = new double[n];
        final int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            u[i] = (float) (rnd.nextDouble() - 0.5);
            mu[i] = rnd.nextGaussian() * 6;
            truth[i] = i % 11 == 0 ? (i % 2) * ((1 << planes) - 1) : rnd.nextInt(1 << planes);
        }
        final double s = 1.3;
        final PlaneLlrChain chain = new PlaneLlrChain(new ScalarPlaneLlrKernel());
        // a longer chain first, so the reused arrays hold stale values
        chain.start(n + 7);
        chain.start(n);
        final int[] r = new int[n];
        final float[] llr = new float[n];
        for (int b = planes - 1; b >= 0; b--) {
            chain.llrs(m, b, r, u, step, mu, s, n, llr);
            for (int i = 0; i < n; i++) {
                assertEquals(m.llr(b, r[i] >>> (b + 1), u[i], step, mu[i], s), llr[i], 0f, "plane " + b + " i " + i);
            }
            assertEquals(RateChoice.conditionalEntropy(llr), PlaneLlrChain.conditionalEntropy(llr, n), ENTROPY_TOL,
                    "plane " + b);
            for (int i = 0; i < n; i++) {
                r[i] |= truth[i] & (1 << b);
            }
            chain.descend(b, r, n);
        }
    }

    /** Two algebraically equal forms of a mean of n = 2000 bounded terms: a few ulps of 1 bit each. */
    private static final double ENTROPY_TOL = 1e-12;

    @Test
    void probabilitiesOfTheWholeRangeSumToOne() {
        final BitPlaneModel m = new BitPlaneModel(4, -8);
        double total = 0;
        for (int r = 0; r < 16; r++) {
            total += m.probability(r, 0.2f, 0.5, 0.3, 1.1);
        }
        assertEquals(1, total, 1e-12);
    }

    @Test
    void farTailsGiveSaturatedButFiniteLlrs() {
        final BitPlaneModel m = new BitPlaneModel(8, -128);
        final float llr = m.llr(0, 100, 0f, 1.0, -1000, 0.01);
        assertTrue(Float.isFinite(llr) && Math.abs(llr) == BitPlaneModel.MAX_LLR);
        assertEquals(0.0, BitPlaneModel.interval(3, 2));
    }

    @Test
    void sideInformationIsTheMmseCombination() {
        final SideInformation si = new SideInformation(2.0, 1);
        si.add(new float[] {1f}, 0.5);
        si.add(new float[] {3f}, 1.0);
        // precision 1/2 + 2 + 1 = 3.5, mean (2 * 1 + 1 * 3) / 3.5
        assertEquals(1 / 3.5, si.variance(), 1e-15);
        assertEquals(5 / 3.5, si.mean(0), 1e-12);
        assertEquals(Math.sqrt(1 / 3.5 + 0.25), si.observationStdDev(0.25), 1e-15);
    }
}
