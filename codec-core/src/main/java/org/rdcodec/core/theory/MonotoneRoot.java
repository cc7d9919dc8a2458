package org.rdcodec.core.theory;

import java.util.function.DoubleUnaryOperator;

/**
 * Root of a continuous decreasing function on a bracket, by the Illinois variant of regula falsi with a
 * bisection safeguard: a step that does not halve the bracket within two iterations is followed by a plain
 * bisection, so convergence is never slower than bisection and usually superlinear. Stops when the bracket is
 * narrower than the given absolute tolerance or after {@link #MAX_STEPS} evaluations.
 */
final class MonotoneRoot {

    /** Safety cap on evaluations; bisection alone narrows a bracket of width 100 to 1e-14 in 53 steps. */
    static final int MAX_STEPS = 300;

    private MonotoneRoot() {
    }

    /**
     * @param g decreasing function with {@code g(lo) >= 0 >= g(hi)}
     * @param lo left end
     * @param hi right end (&gt; lo)
     * @param tolerance absolute bracket width at which to stop
     * @return a point within the final bracket, where g changes sign
     */
    static double solve(final DoubleUnaryOperator g, final double lo, final double hi, final double tolerance) {
        double a = lo;
        double b = hi;
        double ga = g.applyAsDouble(a);
        double gb = g.applyAsDouble(b);
        if (ga <= 0) {
            return a;
        }
        if (gb >= 0) {
            return b;
        }
        int side = 0;
        double lastWidth = b - a;
        for (int step = 0; step < MAX_STEPS && b - a > tolerance; step++) {
            double x = (step % 3 == 2 && (b - a) > 0.5 * lastWidth) ? 0.5 * (a + b) : b - gb * (b - a) / (gb - ga);
            if (!(x > a && x < b)) {
                x = 0.5 * (a + b);
            }
            if (step % 3 == 2) {
                lastWidth = b - a;
            }
            final double gx = g.applyAsDouble(x);
            if (gx == 0) {
                return x;
            }
            if (gx > 0) {
                a = x;
                ga = gx;
                if (side == -1) {
                    gb *= 0.5;
                }
                side = -1;
            } else {
                b = x;
                gb = gx;
                if (side == 1) {
                    ga *= 0.5;
                }
                side = 1;
            }
        }
        return 0.5 * (a + b);
    }
}
