package org.rdcodec.core.theory;

import java.util.Locale;

/** Argument checks shared by the theory classes; each failure names the argument and its value. */
final class Checks {

    private Checks() {
    }

    static double positive(final String what, final double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new TheoryInputException(String.format(Locale.ROOT,
                    "%s must be a finite number > 0, got %s", what, v));
        }
        return v;
    }

    static double nonNegative(final String what, final double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new TheoryInputException(String.format(Locale.ROOT,
                    "%s must be a finite number >= 0, got %s", what, v));
        }
        return v;
    }

    static int workers(final int k) {
        if (k < 1) {
            throw new TheoryInputException("number of workers K must be >= 1, got " + k);
        }
        return k;
    }
}
