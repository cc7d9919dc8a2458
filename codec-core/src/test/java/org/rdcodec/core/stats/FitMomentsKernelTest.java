package org.rdcodec.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.rdcodec.core.simd.VectorizationProvider;

/**
 * The Vector API moments of the magnitude fit against the scalar reference, on awkward sizes, with the
 * tolerance derived from {@link FitMomentsKernel}'s contract.
 */
class FitMomentsKernelTest {

    /** Unit roundoff of double. */
    private static final double U = 0x1p-53;

    private static final int LANES = PanamaFitMomentsKernel.LANES;
    private static final int STEP = PanamaFitMomentsKernel.UNROLL * LANES;
    private static final int[] SIZES = {0, 1, LANES - 1, LANES, LANES + 1, STEP - 1, STEP, STEP + 1, 1000, 4099, 65_537};

    /** Shapes across the fit's range [1/16, 16]. */
    private static final double[] SHAPES = {1.0 / 16, 0.5, 1, 2, 7.3, 16};

    private final FitMomentsKernel scalar = new ScalarFitMomentsKernel();
    private final FitMomentsKernel panama = new PanamaFitMomentsKernel();

    /**
     * Each kernel is within (m - 1) u (summation, any order) + u (S1's product; the Panama kernel fuses it) +
     * 2u (exp within 1 ulp, ulp &lt;= 2u relative) of the exact sum, relative to the sum of the magnitudes of
     * the terms (both compute the same argument p l). So they differ by at most twice that: (2m + 4) u.
     */
    private static double bound(final int m) {
        return (2.0 * m + 4) * U;
    }

    @Test
    void panamaMatchesScalarOnAwkwardSizes() {
        final SplittableRandom rnd = new SplittableRandom(20261123L);
        for (final int m : SIZES) {
            // centred logs of: Gaussian magnitudes, Student-t(3) magnitudes, magnitudes spread over 1e-6..1e6
            final double[] gaussian = centredLogs(m, () -> Math.abs(rnd.nextGaussian()));
            final double[] heavy = centredLogs(m, () -> Math.abs(rnd.nextGaussian() / Math.sqrt(chi2(rnd, 3) / 3)));
            final double[] wide = centredLogs(m, () -> Math.pow(10, rnd.nextDouble(-6, 6)));
            for (final double[] logs : new double[][] {gaussian, heavy, wide}) {
                for (final double p : SHAPES) {
                    final double[] s = new double[2];
                    final double[] v = new double[2];
                    scalar.moments(logs, m, p, s);
                    panama.moments(logs, m, p, v);
                    if (m < STEP) {
                        // below one step the Panama kernel runs the scalar loop: identical
                        assertEquals(s[0], v[0], 0.0, "S0, m = " + m);
                        assertEquals(s[1], v[1], 0.0, "S1, m = " + m);
                        continue;
                    }
                    double abs0 = 0;
                    double abs1 = 0;
                    for (int i = 0; i < m; i++) {
                        final double w = Math.exp(p * logs[i]);
                        abs0 += w;
                        abs1 += Math.abs(w * logs[i]);
                    }
                    assertEquals(s[0], v[0], bound(m) * abs0, "S0, m = " + m + ", p = " + p);
                    assertEquals(s[1], v[1], bound(m) * abs1, "S1, m = " + m + ", p = " + p);
                }
            }
        }
    }

    /**
     * Logs: each kernel's log is within 1 ulp of the exact value, so the two differ by at most 2 ulp of either
     * (the exact value lies between them); below one vector step they are identical. The sums: each within
     * (m - 1) u of the sum of its own logs relative to the sum of their magnitudes, and those sums differ by
     * at most 2 ulp, i.e. 4u, per term: (2m + 2) u in all.
     */
    @Test
    void panamaLogsMatchScalarOnAwkwardSizes() {
        final SplittableRandom rnd = new SplittableRandom(20261124L);
        for (final int m : SIZES) {
            final double[] v = new double[m];
            for (int i = 0; i < m; i++) {
                // magnitudes of float values, from subnormal-sized to huge
                v[i] = Math.abs((double) (float) (Math.pow(10, rnd.nextDouble(-40, 38)) * (rnd.nextBoolean() ? 1 : -1)));
                if (v[i] == 0) {
                    v[i] = Float.MIN_VALUE;
                }
            }
            final double[] a = v.clone();
            final double[] b = v.clone();
            final double sa = scalar.logs(a, m);
            final double sb = panama.logs(b, m);
            double abs = 0;
            for (int i = 0; i < m; i++) {
                if (m < STEP) {
                    assertEquals(a[i], b[i], 0.0, "log " + i + ", m = " + m);
                } else {
                    assertEquals(a[i], b[i], 2 * Math.max(Math.ulp(a[i]), Math.ulp(b[i])), "log of " + v[i] + ", m = " + m);
                }
                abs += Math.abs(a[i]);
            }
            assertEquals(sa, sb, m < STEP ? 0.0 : (2.0 * m + 2) * U * abs, "sum of logs, m = " + m);
        }
    }

    /** The fit takes the provider's kernel ({@code MagnitudeFitTest} checks the fits themselves with it). */
    @Test
    void theProviderGivesTheVectorKernelWhenItVectorizes() {
        final FitMomentsKernel k = VectorizationProvider.getInstance().kernel(FitMomentsKernel.class);
        if (VectorizationProvider.getInstance().isVectorized()) {
            assertInstanceOf(PanamaFitMomentsKernel.class, k);
        } else {
            assertInstanceOf(ScalarFitMomentsKernel.class, k);
        }
    }

    private static double chi2(final SplittableRandom rnd, final int k) {
        double s = 0;
        for (int i = 0; i < k; i++) {
            final double g = rnd.nextGaussian();
            s += g * g;
        }
        return s;
    }

    private static double[] centredLogs(final int m, final java.util.function.DoubleSupplier magnitude) {
        final double[] logs = new double[m];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double a = magnitude.getAsDouble();
            while (a == 0) {
                a = magnitude.getAsDouble();
            }
            logs[i] = Math.log(a);
            sum += logs[i];
        }
        for (int i = 0; i < m; i++) {
            logs[i] -= m > 0 ? sum / m : 0;
        }
        return logs;
    }
}
