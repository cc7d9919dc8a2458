package org.rdcodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.spec.CodecSpec;

/** The CEO simulation end to end, against closed forms. K = 10, sx2 = sn2 = 1 unless said. */
class SimulationTest {

    private static final int K = 10;
    private static final int P = 1 << 16;
    private static final GradientLayout LAYOUT = GradientLayout.ofSizes(P);

    /** Unbiasedness: mean error and slope deviation within this many standard errors. */
    private static final double Z = 5;

    /**
     * The estimate's error is close to Gaussian (an average of 10 Gaussian-plus-uniform errors), so its
     * sample second moment over n = 2^16 coordinates has relative standard error sqrt(2 / n) = 0.0055;
     * 5 standard errors = 2.8%. Estimated (not exact) combination weights add a relative excess of order
     * K / n, negligible here. Tolerance: 3%.
     */
    private static final double MSE_REL_TOL = 0.03;

    private static double[][] homogeneous(final double sn2) {
        final double[][] n = new double[K][1];
        for (final double[] row : n) {
            Arrays.fill(row, sn2);
        }
        return n;
    }

    private static Simulation.Round one(final String codec, final double sx2, final double[][] sn2) {
        final long open = GradientBuffer.openCount();
        final List<Simulation.Round> r = new Simulation(LAYOUT, new double[] {sx2}, sn2, CodecSpec.parse(codec), 7).run(1);
        assertEquals(open, GradientBuffer.openCount(), "off-heap buffers leaked");
        return r.get(0);
    }

    @Test
    void identityGivesTheOracleDistortionSn2OverK() {
        final Simulation.Round r = one("identity", 1, homogeneous(1));
        assertEquals(1.0 / K, r.mse(), MSE_REL_TOL / K);
        assertTrue(Math.abs(r.meanError()) <= Z * r.meanErrorStdErr());
        assertTrue(Math.abs(r.slope() - 1) <= Z * r.slopeStdErr());
        assertEquals(32.0 * K, r.bitsPerCoordinate(), 0.1);
    }

    @Test
    void ditheredIsUnbiasedWithDistortionSn2PlusStepSquaredOver12OverK() {
        final double step = 2;
        final Simulation.Round r = one("dithered:step=" + step, 1, homogeneous(1));
        final double expected = (1 + step * step / 12) / K;
        assertEquals(expected, r.mse(), MSE_REL_TOL * expected);
        assertTrue(Math.abs(r.meanError()) <= Z * r.meanErrorStdErr(), "mean error " + r.meanError());
        assertTrue(Math.abs(r.slope() - 1) <= Z * r.slopeStdErr(), "slope " + r.slope());
        assertNotNull(r.rsumBitsPerCoordinate());
        assertTrue(r.bitsPerCoordinate() > r.rsumBitsPerCoordinate(), "a codec cannot beat Rsum");
    }

    @Test
    void heterogeneousNoiseGetsInverseVarianceWeights() {
        final double[][] sn2 = new double[K][1];
        for (int k = 0; k < K; k++) {
            sn2[k][0] = 0.25 * (1 << (k % 4));
        }
        final Simulation.Round r = one("identity", 1, sn2);
        double precision = 0;
        for (final double[] row : sn2) {
            precision += 1 / row[0];
        }
        // the optimum 1 / sum(1/sn2_k); weights estimated from n = 2^16 coordinates lose a relative O(K/n)
        assertEquals(1 / precision, r.mse(), MSE_REL_TOL / precision);
    }

    /**
     * Averaging K signs scaled by c = sqrt(2/pi) sqrt(sx2 + sn2) is biased: the slope of Xhat on X is
     * c sqrt(2/pi) / sqrt(sx2 + sn2) = 2/pi, and with rho12 = sx2 / (sx2 + sn2) the MSE is
     * sx2 (1 - 4/pi) + c^2 / K (1 + (K - 1) (2/pi) arcsin(rho12)) (Stein's lemma and the arcsine law).
     * K = 10, sx2 = sn2 = 1: slope 0.63662, MSE 0.23606 (theory.md's caution: 0.636, 0.236).
     */
    @Test
    void signAveragingHasItsClosedFormBiasAndMse() {
        final double sx2 = 1;
        final double sn2 = 1;
        final Simulation.Round r = one("sign", sx2, homogeneous(sn2));
        final double c2 = 2 / Math.PI * (sx2 + sn2);
        final double mse = sx2 * (1 - 4 / Math.PI) + c2 / K * (1 + (K - 1) * 2 / Math.PI * Math.asin(sx2 / (sx2 + sn2)));
        assertEquals(mse, r.mse(), MSE_REL_TOL * mse);
        assertEquals(2 / Math.PI, r.slope(), Z * r.slopeStdErr());
        // 1 bit per coordinate per worker plus frame overhead of about 100 bytes per worker
        assertEquals(K, r.bitsPerCoordinate(), K * 100 * 8.0 / P);
    }
}
