package org.rdcodec.sw.ldpc;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * Discretized density evolution (DE) of syndrome decoding with BSC(p) side information, for choosing degree
 * distributions (a design tool, test scope; src/site/ldpc.md, "Density evolution").
 *
 * <p><b>Why the all-zero case suffices.</b> The decoder folds the syndrome bit into each check's sign product,
 * and both rules below commute with flipping the sign of every message on a variable together with the
 * syndrome bits of its checks. So the error probability does not depend on the source block or on the
 * syndrome, and DE may follow x = 0, syndrome 0, side information y = noise: the channel LLR of a variable is
 * +L0 with probability 1 - p and -L0 with probability p, L0 = ln((1 - p) / p).
 *
 * <p><b>Grid.</b> Messages live on the integer grid k * delta, |k| &le; {@link #QUANT} x {@link #SPAN}, with
 * delta = L0 / {@link #QUANT} (the channel LLR is exactly representable); values beyond the grid saturate at
 * its ends, as the fixed-point decoder saturates. Min-sum is scale-invariant (a common factor on every LLR
 * changes no decision, and the normalization is a factor too), so for min-sum this grid loses nothing but the
 * rounding of alpha x min, which is split linearly between the two neighbouring grid points (keeps the mean).
 *
 * <p><b>Updates (flooding schedule, edge perspective).</b> Variable to check: the channel density convolved
 * with d - 1 check-to-variable densities, mixed over lambda_d (fraction of edges on variables of degree d).
 * Check to variable, over the d - 1 other inputs, mixed over rho_d:
 * <ul>
 *   <li>min-sum, normalized by alpha(d): with A+(k) = P(V &ge; k) and A-(k) = P(V &le; -k) for k &ge; 1,
 *       P(all d - 1 magnitudes &ge; k, sign product +-) = ((A+ + A-)^(d-1) +- (A+ - A-)^(d-1)) / 2, whose
 *       differences in k give the density of sign x min; a zero input gives a zero message;</li>
 *   <li>sum-product: pairwise box-plus 2 atanh(tanh(a / 2) tanh(b / 2)) of two densities over all grid pairs,
 *       folded d - 2 times, results split linearly between grid points.</li>
 * </ul>
 * The ensemble converges when the bit error probability of the a-posteriori density (mass below 0 plus half
 * the mass at 0, variable-node perspective) falls below {@link #TARGET_ERROR} within the iteration limit.
 */
public final class DensityEvolution {

    /**
     * Grid points per channel LLR L0 (system property de.quant for sweeps; the test relies on the default 8).
     * Finer grids move min-sum thresholds by a few hundredths (rate 0.1135, (9, 0.3): 1.287 at 8, 1.255 at 16)
     * but kept the ranking of the profiles compared.
     */
    static final int QUANT = Integer.getInteger("de.quant", 8);

    /**
     * Saturation of messages, in channel LLRs (system property de.span): beyond 24 L0 a message is certain for
     * any decision; 48 gave the same error floor as 24 (8.85e-7, BSC(0.04), rate 0.34).
     */
    static final int SPAN = Integer.getInteger("de.span", 24);

    /**
     * A-posteriori bit error probability that counts as converged. Not lower: normalized min-sum on these IRA
     * ensembles has a DE error floor (the degree-2 chain bounds message magnitudes near L0 / (1 - alpha), so
     * a few wrong bits persist at a fixed point of about 1e-6 just below threshold), while the waterfall drops
     * the error from 1e-2 to 1e-5 within a 0.002 step of p; 1e-4 marks the waterfall.
     */
    static final double TARGET_ERROR = 1e-4;

    /** Check-node rule. */
    public enum Rule {
        /** Normalized min-sum with alpha by check degree. */
        MIN_SUM,
        /** Exact sum-product. */
        SUM_PRODUCT
    }

    private final double[] lambda;
    private final double[] rho;
    private final double[] varFraction;
    private final Rule rule;
    private final IntToDoubleFunction alpha;
    private final int maxIterations;
    private final int half;
    private final int size;

    /**
     * @param varFraction fraction of variables of degree d at index d (node perspective, sums to 1)
     * @param checkFraction fraction of checks of degree d at index d (node perspective, sums to 1)
     * @param rule check-node rule
     * @param alpha min-sum normalization by check degree (ignored for sum-product)
     * @param maxIterations flooding iterations allowed
     */
    public DensityEvolution(final double[] varFraction, final double[] checkFraction, final Rule rule,
            final IntToDoubleFunction alpha, final int maxIterations) {
        this.varFraction = varFraction.clone();
        this.lambda = edgePerspective(varFraction);
        this.rho = edgePerspective(checkFraction);
        this.rule = rule;
        this.alpha = alpha;
        this.maxIterations = maxIterations;
        this.half = QUANT * SPAN;
        this.size = 2 * half + 1;
    }

    /** Normalization of the 16-bit decoder ({@code bp.FixedPointRules}): 0.906 / 0.844 / 0.8125 by degree. */
    public static double fixedPointAlpha(final int checkDegree) {
        return checkDegree <= 8 ? 1 - 1.0 / 16 - 1.0 / 32 : checkDegree <= 20 ? 1 - 1.0 / 8 - 1.0 / 32 : 1 - 1.0 / 8 - 1.0 / 16;
    }

    /**
     * Check degrees as PEG gives them: the two integers around the mean edges / m, mixed to that mean.
     *
     * @param meanDegree mean check degree (&ge; 2)
     * @return node-perspective check degree fractions
     */
    public static double[] concentratedChecks(final double meanDegree) {
        final int lo = (int) Math.floor(meanDegree);
        final double[] out = new double[lo + 2];
        final double f = meanDegree - lo;
        out[lo] = 1 - f;
        out[lo + 1] = f;
        return out;
    }

    /**
     * The ensemble of a syndrome code at rate m / n with the given node-perspective variable degrees, checks
     * concentrated.
     *
     * @param varFraction node-perspective variable degree fractions
     * @param syndromeRate m / n
     * @param rule check rule
     * @param maxIterations flooding iterations
     * @return the DE
     */
    public static DensityEvolution forRate(final double[] varFraction, final double syndromeRate, final Rule rule,
            final int maxIterations) {
        double edgesPerVar = 0;
        for (int d = 0; d < varFraction.length; d++) {
            edgesPerVar += d * varFraction[d];
        }
        return new DensityEvolution(varFraction, concentratedChecks(edgesPerVar / syndromeRate), rule,
                DensityEvolution::fixedPointAlpha, maxIterations);
    }

    private static double[] edgePerspective(final double[] node) {
        double sum = 0;
        for (int d = 0; d < node.length; d++) {
            sum += d * node[d];
        }
        final double[] out = new double[node.length];
        for (int d = 0; d < node.length; d++) {
            out[d] = d * node[d] / sum;
        }
        return out;
    }

    /**
     * @param p crossover probability of the side information
     * @return the number of iterations to converge, or -1 if it did not within the limit
     */
    public int iterationsToConverge(final double p) {
        return (int) run(p, false);
    }

    /**
     * @param p crossover probability of the side information
     * @return the a-posteriori bit error probability after the iteration limit (no early stop): shows the
     *         min-sum error floor below threshold
     */
    public double errorAfterAllIterations(final double p) {
        return run(p, true);
    }

    private double run(final double p, final boolean toTheEnd) {
        final double l0 = Math.log((1 - p) / p);
        final double delta = l0 / QUANT;
        final double[] channel = new double[size];
        channel[half + QUANT] = 1 - p;
        channel[half - QUANT] = p;
        if (rule == Rule.SUM_PRODUCT) {
            boxPlusTable(delta);
        }
        double[] checkMsg = new double[size];
        checkMsg[half] = 1; // before the first iteration checks send 0
        for (int it = 1; it <= maxIterations; it++) {
            final double[] varMsg = new double[size];
            final double[] posterior = new double[size];
            double[] acc = channel;
            final int maxDeg = varFraction.length - 1;
            for (int j = 1; j <= maxDeg; j++) {
                // acc = channel * checkMsg^(j-1): the message a degree-j variable sends
                if (lambda[j] > 0) {
                    axpy(lambda[j], acc, varMsg);
                }
                acc = convolve(acc, checkMsg);
                if (varFraction[j] > 0) {
                    axpy(varFraction[j], acc, posterior);
                }
            }
            if (toTheEnd && it == maxIterations) {
                return errorProbability(posterior);
            }
            if (!toTheEnd && errorProbability(posterior) < TARGET_ERROR) {
                return it;
            }
            normalize(varMsg);
            checkMsg = rule == Rule.MIN_SUM ? minSumCheck(varMsg) : sumProductCheck(varMsg);
            normalize(checkMsg);
        }
        return -1;
    }

    /**
     * Threshold by bisection: the largest p at which the ensemble converges.
     *
     * @param lo a p at which it converges
     * @param hi a p at which it does not
     * @param tolerance width of the final bracket
     * @return the lower end of the final bracket
     */
    public double threshold(final double lo, final double hi, final double tolerance) {
        double a = lo;
        double b = hi;
        while (b - a > tolerance) {
            final double mid = 0.5 * (a + b);
            if (iterationsToConverge(mid) > 0) {
                a = mid;
            } else {
                b = mid;
            }
        }
        return a;
    }

    private double errorProbability(final double[] density) {
        double e = 0.5 * density[half];
        for (int k = 0; k < half; k++) {
            e += density[k];
        }
        return e;
    }

    /** Rescales to total mass 1: rounding errors of the mass would otherwise grow by the degrees each iteration. */
    private static void normalize(final double[] density) {
        double sum = 0;
        for (final double x : density) {
            sum += x;
        }
        for (int i = 0; i < density.length; i++) {
            density[i] /= sum;
        }
    }

    private static void axpy(final double a, final double[] x, final double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    /** Density of the saturated sum of two independent grid values. */
    private double[] convolve(final double[] a, final double[] b) {
        final double[] out = new double[size];
        int bLo = 0;
        while (bLo < size && b[bLo] == 0) {
            bLo++;
        }
        int bHi = size - 1;
        while (bHi >= bLo && b[bHi] == 0) {
            bHi--;
        }
        for (int i = 0; i < size; i++) {
            final double ai = a[i];
            if (ai < 1e-300) {
                continue;
            }
            // index of sum = i + j - half: at or below 0 for j <= half - i, at or above the top for
            // j >= size - 1 + half - i; both ends saturate
            final int zeroAt = half - i;
            final int topAt = size - 1 + half - i;
            double under = 0;
            for (int j = bLo; j <= Math.min(bHi, zeroAt); j++) {
                under += b[j];
            }
            out[0] += ai * under;
            final int midHi = Math.min(bHi, topAt - 1);
            for (int j = Math.max(bLo, zeroAt + 1); j <= midHi; j++) {
                out[i + j - half] += ai * b[j];
            }
            double over = 0;
            for (int j = Math.max(bLo, topAt); j <= bHi; j++) {
                over += b[j];
            }
            out[size - 1] += ai * over;
        }
        return out;
    }

    private double[] minSumCheck(final double[] v) {
        // tails: plus[k] = P(V >= k), minus[k] = P(V <= -k), k = 1 .. half
        final double[] plus = new double[half + 2];
        final double[] minus = new double[half + 2];
        for (int k = half; k >= 1; k--) {
            plus[k] = plus[k + 1] + v[half + k];
            minus[k] = minus[k + 1] + v[half - k];
        }
        final double[] out = new double[size];
        for (int d = 2; d < rho.length; d++) {
            if (rho[d] == 0) {
                continue;
            }
            final double a = alpha.applyAsDouble(d);
            // gp[k], gm[k]: P(all d - 1 magnitudes >= k and sign product +, -)
            final double[] gp = new double[half + 2];
            final double[] gm = new double[half + 2];
            gp[0] = 1;
            for (int k = 1; k <= half; k++) {
                final double s = Math.pow(plus[k] + minus[k], d - 1);
                final double t = Math.pow(plus[k] - minus[k], d - 1);
                gp[k] = 0.5 * (s + t);
                gm[k] = 0.5 * (s - t);
            }
            out[half] += rho[d] * (1 - gp[1] - gm[1]);
            for (int k = 1; k <= half; k++) {
                final double pk = gp[k] - gp[k + 1];
                final double mk = gm[k] - gm[k + 1];
                final double x = a * k;
                final int f = (int) Math.floor(x);
                final double w = x - f;
                out[half + f] += rho[d] * (1 - w) * pk;
                out[half - f] += rho[d] * (1 - w) * mk;
                if (w > 0) {
                    out[half + f + 1] += rho[d] * w * pk;
                    out[half - f - 1] += rho[d] * w * mk;
                }
            }
        }
        return out;
    }

    private double[] sumProductCheck(final double[] v) {
        final double[] out = new double[size];
        final int maxDeg = rho.length - 1;
        double[] acc = v;
        for (int d = 2; d <= maxDeg; d++) {
            // acc = box-plus of d - 1 inputs
            if (rho[d] > 0) {
                axpy(rho[d], acc, out);
            }
            if (d < maxDeg) {
                acc = boxPlus(acc, v);
            }
        }
        return out;
    }

    /** Grid index (floor) and weight of the upper neighbour of the box-plus of grid points i and j. */
    private int[] boxFloor;
    private double[] boxWeight;

    private void boxPlusTable(final double delta) {
        final double[] th = new double[size];
        for (int i = 0; i < size; i++) {
            th[i] = Math.tanh(0.5 * (i - half) * delta);
        }
        boxFloor = new int[size * size];
        boxWeight = new double[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                final double prod = Math.max(-1 + 1e-16, Math.min(1 - 1e-16, th[i] * th[j]));
                final double x = Math.max(-half, Math.min(half, 2 * atanh(prod) / delta));
                final int f = (int) Math.floor(x);
                boxFloor[i * size + j] = half + f;
                boxWeight[i * size + j] = x - f;
            }
        }
    }

    private double[] boxPlus(final double[] a, final double[] b) {
        final double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            if (a[i] < 1e-300) {
                continue;
            }
            for (int j = 0; j < size; j++) {
                final double mass = a[i] * b[j];
                if (mass < 1e-300) {
                    continue;
                }
                final int k = i * size + j;
                final double w = boxWeight[k];
                out[boxFloor[k]] += (1 - w) * mass;
                if (w > 0) {
                    out[boxFloor[k] + 1] += w * mass;
                }
            }
        }
        return out;
    }

    private static double atanh(final double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    /** @return h_b(p) in bits */
    static double h(final double p) {
        return RateChoice.binaryEntropy(p);
    }

    /**
     * The IRA node-perspective variable degrees of {@link DegreeProfile} for syndrome rate r (no cap binding):
     * a fraction r of degree 2, the rest degree 3 except a fraction f of them at degree dHi.
     *
     * @param r syndrome rate
     * @param dHi high degree
     * @param f fraction of the information variables at dHi
     * @return node fractions
     */
    static double[] ira(final double r, final int dHi, final double f) {
        final double[] out = new double[Math.max(dHi, 3) + 1];
        final double two = Math.min(r, DegreeProfile.DEGREE_TWO_CAP);
        out[2] = two;
        out[3] += (1 - two) * (1 - f);
        out[dHi] += (1 - two) * f;
        return out;
    }

    /**
     * Sweep driver: prints the min-sum threshold ratio r / h(p*) for IRA profiles at the given syndrome rates.
     * Arguments: rate [rate ...]; profiles are read as "dHi:f" pairs after a "--" argument, or a default grid.
     *
     * @param args see above
     */
    public static void main(final String[] args) {
        int split = Arrays.asList(args).indexOf("--");
        if (split < 0) {
            split = args.length;
        }
        final int iterations = Integer.getInteger("de.iterations", 200);
        for (int a = 0; a < split; a++) {
            final double r = Double.parseDouble(args[a]);
            for (int b = split + 1; b < args.length; b++) {
                final String[] parts = args[b].split(":");
                final double[] profile;
                if (parts.length == 2) {
                    profile = ira(r, Integer.parseInt(parts[0]), Double.parseDouble(parts[1]));
                } else {
                    // "d2frac:d=f,d=f,..." general: fraction of degree 2 and the information split
                    profile = general(r, args[b]);
                }
                final DensityEvolution de = forRate(profile, r, Rule.MIN_SUM, iterations);
                final double pStar = de.threshold(1e-4, 0.5, 1e-5 + 1e-3 * inverseH(r));
                System.out.printf(Locale.ROOT, "rate %.4f profile %s: p* %.5f  R* = r / h(p*) = %.4f%n", r, args[b],
                        pStar, r / h(pStar));
            }
        }
    }

    /**
     * "3=0.7,9=0.3": the information variables' degree split, with a fraction r of degree 2 as in {@link #ira};
     * an item "2=a" makes that fraction a x r instead.
     */
    public static double[] general(final double r, final String spec) {
        final String[] items = spec.split(",");
        int maxDeg = 3;
        double twoScale = 1;
        for (final String it : items) {
            final String[] kv = it.split("=");
            maxDeg = Math.max(maxDeg, Integer.parseInt(kv[0]));
            if (Integer.parseInt(kv[0]) == 2) {
                twoScale = Double.parseDouble(kv[1]);
            }
        }
        final double[] out = new double[maxDeg + 1];
        final double two = Math.min(r * twoScale, DegreeProfile.DEGREE_TWO_CAP);
        out[2] = two;
        for (final String it : items) {
            final String[] kv = it.split("=");
            if (Integer.parseInt(kv[0]) != 2) {
                out[Integer.parseInt(kv[0])] += (1 - two) * Double.parseDouble(kv[1]);
            }
        }
        return out;
    }

    /** @return p in (0, 0.5) with h(p) = r, by bisection */
    static double inverseH(final double r) {
        double lo = 0;
        double hi = 0.5;
        for (int i = 0; i < 60; i++) {
            final double mid = 0.5 * (lo + hi);
            if (h(mid) < r) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
