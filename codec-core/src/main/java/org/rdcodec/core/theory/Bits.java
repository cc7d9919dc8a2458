package org.rdcodec.core.theory;

/** Base-2 logarithms: the project reports rates in bits where the paper writes nats. */
final class Bits {

    static final double LN2 = Math.log(2.0);

    private Bits() {
    }

    /** @return log2(x) */
    static double log2(final double x) {
        return Math.log(x) / LN2;
    }

    /** @return log2(1 + x), accurate for small x */
    static double log2p1(final double x) {
        return Math.log1p(x) / LN2;
    }
}
