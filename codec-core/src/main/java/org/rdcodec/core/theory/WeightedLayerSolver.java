package org.rdcodec.core.theory;

/**
 * Inner problem of P1 for one layer at a fixed precision budget {@code s = 1/D_l}: minimise
 * {@code sum_k a_k [ -1/2 log2(1 - sn2_k z_k) + 1/2 log2(1 + z_k/(1/sx2 + sum_{i>k} z_i)) ]} over
 * {@code sum_k z_k = s}, {@code 0 <= z_k <= cap_k}, workers indexed by decreasing weight.
 *
 * <p>Summation by parts shows convexity: the second part equals
 * {@code a_1/2 log2(c + S_1) + sum_{k>=2} (a_k - a_{k-1})/2 log2(c + S_k) - a_K/2 log2 c}
 * ({@code S_k = sum_{i>=k} z_i}, {@code c = 1/sx2}); S_1 = s is fixed and every other coefficient is
 * {@code <= 0} on a concave function. Method: pairwise coordinate descent (maximal violating pair, as in
 * SMO). Each step moves precision from the worker with the largest partial derivative that can give
 * ({@code z > 0}) to the one with the smallest that can take ({@code z < cap}), with an exact line search by
 * bisection on the directional derivative. It stops when the KKT gap (largest minus smallest of those
 * derivatives) is below {@link #KKT_TOLERANCE} times the derivative scale.
 *
 * <p>{@code cap_k = (1/sn2_k)(1 - }{@link #CAP_MARGIN}{@code )}: the open constraint {@code z_k < 1/sn2_k}
 * closed at a finite rate (about 20 bits). Only a worker with weight 0, whose rate is free, is ever pushed
 * there.
 */
final class WeightedLayerSolver {

    /** Relative KKT gap at which the descent stops; the objective is then within about this of its minimum. */
    static final double KKT_TOLERANCE = 1e-12;

    /** Relative distance of the cap below 1/sn2: r at the cap is 1/2 log2(1e12), about 20 bits. */
    static final double CAP_MARGIN = 1e-12;

    /** Relative error in sum z a warm start may have: rounding of a K-term sum is far below this. */
    static final double BUDGET_TOLERANCE = 1e-12;

    /** Safety limit on descent steps. */
    static final int MAX_STEPS = 100_000;

    /**
     * Steps without a decrease of the objective after which the descent stops: the remaining KKT gap is then
     * rounding, not an unfinished descent (a real descent step always lowers the objective).
     */
    static final int STALL_STEPS = 20;

    /** Safety cap on halvings in each line search. */
    private static final int LINE_SEARCH_STEPS = 100;

    /**
     * A line search stops when its bracket is below this fraction of the step range: the step is then exact
     * to about double precision of the moved coordinates; leftover error is removed by later steps.
     */
    private static final double LINE_SEARCH_TOLERANCE = 1e-15;

    private final int[] order;
    private final double[] a;
    private final double[] sn2;
    private final double[] cap;
    private final double c;

    /** Result of the last solve, in sorted order. */
    private final double[] z;
    private double multiplier;
    private double kktGap;

    WeightedLayerSolver(final double[] weights, final double[] noise, final double sx2, final int[] decodeOrder) {
        final int k = noise.length;
        // Sorted by decreasing weight = reverse decode order (decoded last = largest weight).
        this.order = new int[k];
        this.a = new double[k];
        this.sn2 = new double[k];
        this.cap = new double[k];
        for (int i = 0; i < k; i++) {
            order[i] = decodeOrder[k - 1 - i];
            a[i] = weights[order[i]];
            sn2[i] = noise[order[i]];
            cap[i] = (1.0 / sn2[i]) * (1.0 - CAP_MARGIN);
        }
        this.c = 1.0 / sx2;
        this.z = new double[k];
    }

    /** Budget of the last solve (0 before the first), for warm starts. */
    private double lastBudget;

    /** Descent steps taken by the last solve. */
    int steps;

    /**
     * Solves for budget s. Starts from the best (lowest objective) of: the given point (e.g. water-filling),
     * the previous solution scaled to the new budget, and the previous solution with its distances to
     * {@code 1/sn2} scaled (the nested searches call this with nearby budgets, and near D_min the distances,
     * not the precisions, carry the solution's shape). Stops at the KKT tolerance, or when the objective has
     * not decreased for {@link #STALL_STEPS} steps (the KKT gap has reached its rounding floor: near D_min,
     * {@code 1 - sn2 z} is tiny and the derivatives carry only its relative precision).
     *
     * @param budget s = 1/D_l
     * @param start a feasible point for this budget (original worker order), e.g. the water-filling point
     */
    void solve(final double budget, final double[] start) {
        steps = 0;
        final int k = z.length;
        final double[] candidate = new double[k];
        final double[] best = new double[k];
        for (int i = 0; i < k; i++) {
            best[i] = Math.min(start[order[i]], cap[i]);
        }
        double bestValue = valueAt(best);
        if (lastBudget > 0) {
            final double scale = budget / lastBudget;
            boolean ok = true;
            for (int i = 0; i < k; i++) {
                candidate[i] = z[i] * scale;
                ok &= candidate[i] < cap[i];
            }
            if (ok && onBudget(candidate, budget) && valueAt(candidate) < bestValue) {
                bestValue = valueAt(candidate);
                System.arraycopy(candidate, 0, best, 0, k);
            }
            double precision = 0;
            for (int i = 0; i < k; i++) {
                precision += 1.0 / sn2[i];
            }
            final double shrink = (precision - budget) / (precision - lastBudget);
            ok = shrink > 0;
            for (int i = 0; i < k && ok; i++) {
                candidate[i] = 1.0 / sn2[i] - (1.0 / sn2[i] - z[i]) * shrink;
                ok = candidate[i] >= 0 && candidate[i] < cap[i];
            }
            if (ok && onBudget(candidate, budget) && valueAt(candidate) < bestValue) {
                bestValue = valueAt(candidate);
                System.arraycopy(candidate, 0, best, 0, k);
            }
        }
        System.arraycopy(best, 0, z, 0, k);
        lastBudget = budget;
        final double[] g = new double[k];
        kktGap = Double.POSITIVE_INFINITY;
        double lowest = bestValue;
        int sinceLower = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            gradient(z, g);
            int take = -1;
            int give = -1;
            double scale = 0;
            for (int i = 0; i < k; i++) {
                scale = Math.max(scale, Math.abs(g[i]));
                if (z[i] < cap[i] && (take < 0 || g[i] < g[take])) {
                    take = i;
                }
                if (z[i] > 0 && (give < 0 || g[i] > g[give])) {
                    give = i;
                }
            }
            if (take < 0 || give < 0) {
                kktGap = 0;
                multiplier = give >= 0 ? g[give] : g[take];
                return;
            }
            kktGap = g[give] - g[take];
            multiplier = 0.5 * (g[give] + g[take]);
            if (kktGap <= KKT_TOLERANCE * Math.max(scale, Double.MIN_NORMAL) || sinceLower >= STALL_STEPS) {
                return;
            }
            lineSearch(take, give);
            steps++;
            final double v = valueAt(z);
            if (v < lowest) {
                lowest = v;
                sinceLower = 0;
            } else {
                sinceLower++;
            }
        }
    }

    /**
     * A warm start must spend the budget: rescaling distances to 1/sn2 that are tiny relative to 1/sn2 cancels
     * digits, and a point below budget would win on objective while being infeasible.
     */
    private static boolean onBudget(final double[] point, final double budget) {
        double sum = 0;
        for (final double v : point) {
            sum += v;
        }
        return Math.abs(sum - budget) <= BUDGET_TOLERANCE * budget;
    }

    private void lineSearch(final int take, final int give) {
        final double zt = z[take];
        final double zg = z[give];
        final double tMax = Math.min(zg, cap[take] - zt);
        if (directional(take, give, zt, zg, tMax) <= 0) {
            move(take, give, zt, zg, tMax, tMax == zg);
            return;
        }
        double lo = 0;
        double hi = tMax;
        for (int i = 0; i < LINE_SEARCH_STEPS && hi - lo > LINE_SEARCH_TOLERANCE * tMax; i++) {
            final double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (directional(take, give, zt, zg, mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        move(take, give, zt, zg, 0.5 * (lo + hi), false);
    }

    private void move(final int take, final int give, final double zt, final double zg, final double t, final boolean emptyGiver) {
        z[take] = Math.min(zt + t, cap[take]);
        z[give] = emptyGiver ? 0.0 : Math.max(zg - t, 0.0);
    }

    /** d/dt of the objective at z + t (e_take - e_give). */
    private double directional(final int take, final int give, final double zt, final double zg, final double t) {
        z[take] = zt + t;
        z[give] = zg - t;
        final double d = partial(take) - partial(give);
        z[take] = zt;
        z[give] = zg;
        return d;
    }

    /** Partial derivative of the objective in z_m (sorted order), times 2 ln 2. */
    private double partial(final int m) {
        final int k = z.length;
        // S_j = sum_{i>=j} z_i for j <= m.
        double tail = 0;
        for (int i = m; i < k; i++) {
            tail += z[i];
        }
        double sum = 0;
        double s = tail;
        for (int j = m; j >= 1; j--) {
            sum += (a[j] - a[j - 1]) / (c + s);
            s += z[j - 1];
        }
        sum += a[0] / (c + s);
        return a[m] * sn2[m] / (1.0 - sn2[m] * z[m]) + sum;
    }

    /** All partial derivatives (times 2 ln 2) in O(K). */
    private void gradient(final double[] point, final double[] g) {
        final int k = point.length;
        final double[] tail = new double[k + 1];
        for (int i = k - 1; i >= 0; i--) {
            tail[i] = tail[i + 1] + point[i];
        }
        double prefix = a[0] / (c + tail[0]);
        for (int m = 0; m < k; m++) {
            if (m > 0) {
                prefix += (a[m] - a[m - 1]) / (c + tail[m]);
            }
            g[m] = a[m] * sn2[m] / (1.0 - sn2[m] * point[m]) + prefix;
        }
    }

    /** The objective at the current point, in bits. */
    double value() {
        return valueAt(z);
    }

    /** The objective at a point (sorted order), in bits. */
    private double valueAt(final double[] point) {
        final int k = point.length;
        double v = 0;
        double tail = 0;
        for (int i = k - 1; i >= 0; i--) {
            final double next = tail + point[i];
            if (a[i] != 0) {
                v += a[i] * (-0.5 * Math.log1p(-sn2[i] * point[i]) / Bits.LN2 + 0.5 * Bits.log2p1(point[i] / (c + tail)));
            }
            tail = next;
        }
        return v;
    }

    /** The Lagrange multiplier of {@code sum z = s}, in bits per unit precision. */
    double multiplier() {
        return multiplier / (2.0 * Bits.LN2);
    }

    /** Final KKT gap, in bits per unit precision. */
    double kktGap() {
        return kktGap / (2.0 * Bits.LN2);
    }

    /** The solution in original worker order. */
    double[] solution() {
        final double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[order[i]] = z[i];
        }
        return out;
    }
}
