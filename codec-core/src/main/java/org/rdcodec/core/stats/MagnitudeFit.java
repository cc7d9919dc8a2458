package org.rdcodec.core.stats;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.rdcodec.core.simd.VectorizationProvider;

/**
 * A maximum-likelihood fit of a {@link MagnitudeFamily} to a layer's values, with how it was obtained.
 *
 * <p>Method (both families): take the logs of the non-zero magnitudes once, centred on their mean (so
 * the fit is scale-free and |x|^p cannot overflow), then solve the one-dimensional likelihood equation for
 * the shape by a bracketed secant (Illinois) iteration; each evaluation is one pass computing
 * S0 = sum z^p and S1 = sum z^p ln z. The scale follows in closed form. Equations (n values, z = |x| / c):
 * <ul>
 * <li>gennorm: 1 + [ln(beta S0 / n) + psi(1/beta)] / beta - S1 / S0 = 0, alpha = c (beta S0 / n)^(1/beta)
 * (exact zeros count in n and add nothing to S0, S1);</li>
 * <li>Weibull (non-zero magnitudes only, n' of them): S1 / S0 - 1/k - mean(ln z) = 0, increasing in k,
 * lambda = c (S0 / n')^(1/k).</li>
 * </ul>
 * Layers longer than the sample cap are fitted on a pseudo-random sample of the cap's size (the standard
 * error is then that of the sample).
 *
 * @param family the family
 * @param shape beta or k
 * @param scale alpha or lambda, in the data's units
 * @param samples values the fit used
 * @param zeros exact zeros among them (left out of the Weibull fit)
 * @param passes passes over the sample (likelihood evaluations)
 */
public record MagnitudeFit(MagnitudeFamily family, double shape, double scale, int samples, int zeros, int passes) {

    /** Smallest and largest shape the fit reports (gradients lie well inside). */
    public static final double MIN_SHAPE = 1.0 / 16;
    /** Largest shape. */
    public static final double MAX_SHAPE = 16;

    private static final ValueLayout.OfFloat FLOAT_LE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int MAX_PASSES = 60;
    /** The log pass and the repeated S0, S1 pass (Vector API where the JVM allows it). */
    private static final FitMomentsKernel MOMENTS = VectorizationProvider.getInstance().kernel(FitMomentsKernel.class);
    private static final double TOLERANCE = 1e-9;

    /**
     * Copies the values to fit: all n of them if n &lt;= cap, otherwise cap values at pseudo-random
     * positions (a fixed hash of the position, so the same layer gives the same sample).
     *
     * @param data little-endian floats
     * @param from first float index
     * @param n values in the layer
     * @param cap most values to take
     * @param out destination, at least min(n, cap) long
     * @return how many were copied
     */
    public static int sample(final MemorySegment data, final long from, final int n, final int cap, final float[] out) {
        if (n <= cap) {
            for (int i = 0; i < n; i++) {
                out[i] = data.getAtIndex(FLOAT_LE, from + i);
            }
            return n;
        }
        for (int i = 0; i < cap; i++) {
            int h = i * 0x9e3779b9 + 0x7f4a7c15;
            h ^= h >>> 16;
            h *= 0x7feb352d;
            h ^= h >>> 15;
            final long pos = Long.remainderUnsigned(h & 0xffffffffL, n);
            out[i] = data.getAtIndex(FLOAT_LE, from + pos);
        }
        return cap;
    }

    /**
     * Fits the family to the first n values.
     *
     * @param family the family
     * @param values finite values
     * @param n how many
     * @return the fit
     * @throws IllegalArgumentException if a value is not finite, or fewer than 2 of them are non-zero
     */
    public static MagnitudeFit fit(final MagnitudeFamily family, final float[] values, final int n) {
        final double[] logs = new double[n];
        int m = 0;
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            final float v = values[i];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("value " + v + " at " + i + " is not finite");
            }
            if (v == 0) {
                zeros++;
            } else {
                logs[m++] = Math.abs(v);
            }
        }
        final double sum = MOMENTS.logs(logs, m);
        if (m < 2) {
            throw new IllegalArgumentException("a fit needs at least 2 non-zero values, got " + m + " of " + n);
        }
        final double c = sum / m;
        double var = 0;
        for (int i = 0; i < m; i++) {
            logs[i] -= c;
            var += logs[i] * logs[i];
        }
        var /= m;
        if (!(var > 0)) {
            // all magnitudes equal: the most peaked law the fit reports
            final double shape = MAX_SHAPE;
            final double scale = family == MagnitudeFamily.GENNORM ? Math.exp(c) * Math.pow(shape * m / (double) n, 1 / shape) : Math.exp(c);
            return new MagnitudeFit(family, shape, scale, n, zeros, 0);
        }
        final Equation eq = new Equation(family, logs, m, family == MagnitudeFamily.GENNORM ? n : m);
        // start: for ln|G|, Var = psi'(a0) / p^2 (a0 = 1/beta for gennorm, 1 for Weibull); for Weibull this is pi^2 / (6 k^2)
        final double start = family == MagnitudeFamily.WEIBULL ? Math.PI / Math.sqrt(6 * var) : gennormStart(var);
        final double shape = eq.solve(clamp(start));
        final double s0 = eq.s0(shape);
        final double scale = family == MagnitudeFamily.GENNORM
                ? Math.exp(c) * Math.pow(shape * s0 / n, 1 / shape)
                : Math.exp(c) * Math.pow(s0 / m, 1 / shape);
        return new MagnitudeFit(family, shape, scale, n, zeros, eq.passes);
    }

    /** Solves psi'(1/beta) / beta^2 = var (decreasing in beta) by bisection on log beta: no data pass. */
    private static double gennormStart(final double var) {
        double lo = Math.log(MIN_SHAPE);
        double hi = Math.log(MAX_SHAPE);
        for (int i = 0; i < 60; i++) {
            final double mid = 0.5 * (lo + hi);
            final double b = Math.exp(mid);
            if (SpecialFunctions.trigamma(1 / b) / (b * b) > var) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(0.5 * (lo + hi));
    }

    private static double clamp(final double shape) {
        return Double.isFinite(shape) ? Math.max(MIN_SHAPE, Math.min(MAX_SHAPE, shape)) : 1;
    }

    /**
     * The Kolmogorov-Smirnov distance between the magnitudes of the values (non-zero ones for Weibull) and
     * the fitted magnitude law: sup |F_n(z) - F(z)|.
     *
     * @param values the values
     * @param n how many
     * @return the distance in [0, 1]
     */
    public double ksDistance(final float[] values, final int n) {
        final double[] z = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (family == MagnitudeFamily.GENNORM || values[i] != 0) {
                z[m++] = Math.abs(values[i]) / scale;
            }
        }
        Arrays.sort(z, 0, m);
        double d = 0;
        for (int i = 0; i < m; i++) {
            final double f = family.magnitudeCdf(shape, z[i]);
            d = Math.max(d, Math.max((i + 1.0) / m - f, f - (double) i / m));
        }
        return d;
    }

    /** The likelihood equation h(p) = 0 of one family over centred logs. */
    private static final class Equation {
        private final MagnitudeFamily family;
        private final double[] logs;
        private final int m;
        private final int n;
        private int passes;
        private double lastS0;
        private double lastShape = Double.NaN;
        private final double[] sums = new double[2];

        Equation(final MagnitudeFamily family, final double[] logs, final int m, final int n) {
            this.family = family;
            this.logs = logs;
            this.m = m;
            this.n = n;
        }

        double s0(final double p) {
            if (p != lastShape) {
                h(p);
            }
            return lastS0;
        }

        double h(final double p) {
            passes++;
            MOMENTS.moments(logs, m, p, sums);
            final double s0 = sums[0];
            final double s1 = sums[1];
            lastS0 = s0;
            lastShape = p;
            if (family == MagnitudeFamily.WEIBULL) {
                // logs are centred: mean(ln z) = 0
                return s1 / s0 - 1 / p;
            }
            return 1 + (Math.log(p * s0 / n) + SpecialFunctions.digamma(1 / p)) / p - s1 / s0;
        }

        /** Bracket by widening a factor 1.25 around the start, then Illinois regula falsi on ln p. */
        double solve(final double start) {
            double a = Math.log(Math.max(MIN_SHAPE, start / 1.25));
            double b = Math.log(Math.min(MAX_SHAPE, start * 1.25));
            double fa = h(Math.exp(a));
            double fb = h(Math.exp(b));
            final double lmin = Math.log(MIN_SHAPE);
            final double lmax = Math.log(MAX_SHAPE);
            while (fa * fb > 0 && passes < MAX_PASSES) {
                if (Math.abs(fa) < Math.abs(fb)) {
                    if (a <= lmin) {
                        return MIN_SHAPE;
                    }
                    a = Math.max(lmin, a - 0.5);
                    fa = h(Math.exp(a));
                } else {
                    if (b >= lmax) {
                        return MAX_SHAPE;
                    }
                    b = Math.min(lmax, b + 0.5);
                    fb = h(Math.exp(b));
                }
            }
            if (fa * fb > 0) {
                return Math.exp(Math.abs(fa) < Math.abs(fb) ? a : b);
            }
            int side = 0;
            double x = a;
            double previous = Double.NaN;
            while (passes < MAX_PASSES) {
                x = (a * fb - b * fa) / (fb - fa);
                if (Math.abs(x - previous) < TOLERANCE) {
                    break;
                }
                previous = x;
                final double fx = h(Math.exp(x));
                if (fx == 0) {
                    break;
                }
                if (fx * fb > 0) {
                    // x replaces b; if b moved last time too, halve fa so a moves next (Illinois)
                    b = x;
                    fb = fx;
                    if (side == 1) {
                        fa /= 2;
                    }
                    side = 1;
                } else {
                    a = x;
                    fa = fx;
                    if (side == -1) {
                        fb /= 2;
                    }
                    side = -1;
                }
            }
            return Math.exp(x);
        }
    }
}
