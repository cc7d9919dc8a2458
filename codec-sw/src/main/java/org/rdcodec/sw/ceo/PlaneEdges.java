package org.rdcodec.sw.ceo;

import java.util.Arrays;

/**
 * One edge per coordinate of the index ranges that {@link PlaneLlrKernel} walks down: the edge's standardised
 * position z, Phi(z) and Phi(-z) (the values {@link BitPlaneModel#edgeCdf} gives), each field in its own array so
 * that a vector kernel loads consecutive coordinates. The arrays only grow. Not thread-safe.
 */
public final class PlaneEdges {

    double[] z = new double[0];
    double[] pos = new double[0];
    double[] neg = new double[0];

    /** Creates empty edges (capacity grows on use). */
    public PlaneEdges() {
    }

    /** Makes room for n coordinates (values undefined). */
    void ensure(final int n) {
        if (z.length < n) {
            z = new double[n];
            pos = new double[n];
            neg = new double[n];
        }
    }

    /**
     * Sets the first n edges to the lower end of the index range (z = -infinity, Phi = 0, Phi(-z) = 1).
     *
     * @param n coordinates
     */
    public void lowerEnd(final int n) {
        set(n, Double.NEGATIVE_INFINITY, 0, 1);
    }

    /**
     * Sets the first n edges to the upper end of the index range (z = +infinity, Phi = 1, Phi(-z) = 0).
     *
     * @param n coordinates
     */
    public void upperEnd(final int n) {
        set(n, Double.POSITIVE_INFINITY, 1, 0);
    }

    private void set(final int n, final double zValue, final double posValue, final double negValue) {
        ensure(n);
        Arrays.fill(z, 0, n, zValue);
        Arrays.fill(pos, 0, n, posValue);
        Arrays.fill(neg, 0, n, negValue);
    }
}
