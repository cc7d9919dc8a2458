package org.rdcodec.core.theory;

/**
 * Splits a total distortion D across layers, {@code sum_l D_l = D, D_l > D_min,l}, minimising a sum of convex
 * decreasing per-layer rates {@code V_l(D_l)}. At the optimum all marginals {@code -V_l'(D_l)} equal one
 * Lagrange multiplier lambda.
 *
 * <p>Method: nested one-dimensional root finding ({@link MonotoneRoot}: safeguarded Illinois regula falsi,
 * never slower than bisection). Inner: for a trial lambda, each layer's excess {@code x_l = D_l - D_min,l}
 * solves {@code -V_l'(D_min,l + x_l) = lambda} in log-log coordinates (the marginal falls from +inf to 0,
 * roughly like a power of x). Outer: {@code sum_l x_l(lambda)} falls with lambda; its log is matched to
 * {@code log(D - D_min)} over log(lambda). Both stop when the bracket in log coordinates is narrower than
 * {@link #LOG_TOLERANCE} (relative precision 1e-14 of x_l and of lambda). The final split is rescaled so that it
 * sums to D exactly. Because the objective is stationary at the optimum, an error e in the split changes the
 * rate only by O(e^2).
 */
final class LayerSplit {

    /** Bracket width in log coordinates at which the root finders stop: relative precision 1e-14. */
    static final double LOG_TOLERANCE = 1e-14;

    /**
     * Smallest excess over a layer's D_min tried, relative to D_min: 1e-13 stays clear of the rounding of
     * D_min itself (a few ulps), where the layer would be reported infeasible.
     */
    static final double MIN_RELATIVE_EXCESS = 1e-13;

    /** Minus the derivative of a layer's rate: positive, decreasing in the layer distortion. */
    interface Marginal {
        double at(int layer, double distortion);
    }

    private LayerSplit() {
    }

    static double[] split(final double[] minLayer, final double total, final Marginal marginal) {
        final int layers = minLayer.length;
        if (layers == 1) {
            return new double[] {total};
        }
        double minSum = 0;
        for (final double m : minLayer) {
            minSum += m;
        }
        final double slack = total - minSum;
        // At lamLo every layer wants at least D (clamped), so the excesses sum to at least L*D - D_min >= slack.
        double lamLo = Double.POSITIVE_INFINITY;
        // At lamHi every layer wants at most D_min,l + slack/L, so the excesses sum to at most slack.
        double lamHi = 0;
        for (int l = 0; l < layers; l++) {
            lamLo = Math.min(lamLo, marginal.at(l, total));
            lamHi = Math.max(lamHi, marginal.at(l, minLayer[l] + slack / layers));
        }
        final double logSlack = Math.log(slack);
        final double logLambda = lamHi <= lamLo ? Math.log(lamHi)
                : MonotoneRoot.solve(v -> Math.log(sum(excesses(minLayer, total, marginal, Math.exp(v)))) - logSlack,
                        Math.log(lamLo), Math.log(lamHi), LOG_TOLERANCE);
        final double[] x = excesses(minLayer, total, marginal, Math.exp(logLambda));
        // Rescale the excesses so that the split sums to D exactly and stays feasible.
        final double scale = slack / sum(x);
        final double[] d = new double[layers];
        for (int l = 0; l < layers; l++) {
            d[l] = minLayer[l] + x[l] * scale;
        }
        return d;
    }

    /** Each layer's excess D_l - D_min,l at which its marginal equals lambda (clamped to D_l <= D). */
    private static double[] excesses(final double[] minLayer, final double total, final Marginal marginal, final double lambda) {
        final double[] x = new double[minLayer.length];
        final double logLambda = Math.log(lambda);
        for (int l = 0; l < minLayer.length; l++) {
            final int layer = l;
            final double min = minLayer[l];
            final double uHi = Math.log(total - min);
            final double uFloor = Math.log(min * MIN_RELATIVE_EXCESS);
            if (marginal.at(l, total) >= lambda) {
                x[l] = total - min;
                continue;
            }
            // Walk down in steps of 16x until the marginal exceeds lambda (it tends to +inf at D_min).
            double uLo = uHi;
            do {
                uLo = Math.max(uLo - Math.log(16.0), uFloor);
            } while (uLo > uFloor && marginal.at(l, min + Math.exp(uLo)) <= lambda);
            final double u = MonotoneRoot.solve(v -> Math.log(marginal.at(layer, min + Math.exp(v))) - logLambda,
                    uLo, uHi, LOG_TOLERANCE);
            x[l] = Math.exp(u);
        }
        return x;
    }

    private static double sum(final double[] v) {
        double s = 0;
        for (final double x : v) {
            s += x;
        }
        return s;
    }
}
