package org.rdcodec.core.theory;

/**
 * Splits a total distortion D across layers, {@code sum_l D_l = D, D_l > D_min,l}, minimising a sum of convex
 * decreasing per-layer rates {@code V_l(D_l)}. At the optimum all marginals {@code -V_l'(D_l)} equal one
 * Lagrange multiplier lambda.
 *
 * <p>Method: nested bisection. For a trial lambda, each layer's {@code D_l(lambda)} solves
 * {@code -V_l'(D_l) = lambda} by bisection on {@code (D_min,l, D]} (the marginal falls from +inf to 0);
 * {@code sum_l D_l(lambda)} falls with lambda, so an outer bisection on log(lambda) finds the lambda whose
 * split sums to D. Both bisections stop when the bracket's relative width is below {@link #RELATIVE_TOLERANCE}
 * (or after {@link #MAX_STEPS} halvings). The final split is rescaled so that it sums to D exactly. Because
 * the objective is stationary at the optimum, an error e in the split changes the rate by O(e^2).
 */
final class LayerSplit {

    /** Bracket width, relative to its upper end, at which a bisection stops: a few ulps of a double. */
    static final double RELATIVE_TOLERANCE = 1e-14;

    /** Safety cap on halvings; 1e-14 relative precision from any bracket we build needs far fewer. */
    static final int MAX_STEPS = 200;

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
        // At lamLo every layer wants at least D (clamped), so the split sums to L*D >= D.
        double lamLo = Double.POSITIVE_INFINITY;
        // At lamHi every layer wants at most D_min,l + slack/L, so the split sums to <= D.
        double lamHi = 0;
        for (int l = 0; l < layers; l++) {
            lamLo = Math.min(lamLo, marginal.at(l, total));
            lamHi = Math.max(lamHi, marginal.at(l, minLayer[l] + slack / layers));
        }
        for (int step = 0; step < MAX_STEPS && lamHi - lamLo > RELATIVE_TOLERANCE * lamHi; step++) {
            final double lam = Math.sqrt(lamLo * lamHi);
            if (sum(layerDistortions(minLayer, total, marginal, lam)) > total) {
                lamLo = lam;
            } else {
                lamHi = lam;
            }
        }
        final double[] d = layerDistortions(minLayer, total, marginal, Math.sqrt(lamLo * lamHi));
        // Rescale the excess over the minima so that the split sums to D exactly and stays feasible.
        final double scale = slack / (sum(d) - minSum);
        for (int l = 0; l < layers; l++) {
            d[l] = minLayer[l] + (d[l] - minLayer[l]) * scale;
        }
        return d;
    }

    private static double[] layerDistortions(final double[] minLayer, final double total, final Marginal marginal, final double lambda) {
        final double[] d = new double[minLayer.length];
        for (int l = 0; l < minLayer.length; l++) {
            if (marginal.at(l, total) >= lambda) {
                d[l] = total;
                continue;
            }
            double lo = minLayer[l];
            double hi = total;
            for (int step = 0; step < MAX_STEPS && hi - lo > RELATIVE_TOLERANCE * hi; step++) {
                final double mid = 0.5 * (lo + hi);
                if (mid <= lo || mid >= hi) {
                    break;
                }
                if (marginal.at(l, mid) > lambda) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            d[l] = 0.5 * (lo + hi);
        }
        return d;
    }

    private static double sum(final double[] v) {
        double s = 0;
        for (final double x : v) {
            s += x;
        }
        return s;
    }
}
