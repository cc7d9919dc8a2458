package org.rdcodec.core.quant;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.rdcodec.core.stats.MagnitudeFamily;

/**
 * The M22 quantizer for a fitted law at unit scale: 2^bits levels symmetric about 0 minimising the
 * expected M-magnitude weighted distortion E[|G|^M (G - Q(G))^2] (M22's d_M), designed by Lloyd's
 * iteration on the density: for fixed levels the best boundary between two neighbours y &lt; y' is still
 * their midpoint (at the boundary x both errors carry the same weight |x|^M, so it cancels), and for a
 * fixed cell the best level is the weighted centroid E[|G|^M G | cell] / E[|G|^M | cell]. Every cell
 * integral is an incomplete-gamma difference ({@link MagnitudeFamily#partialMoment}).
 *
 * <p>The shape travels as an index on the grid 2^(i/256), i in [-1024, 1024] (shape 1/16..16, steps of
 * 0.27%: below the standard error of a fit on 2^16 values), so the decoder rebuilds exactly the encoder's
 * table from 2 bytes; the design uses {@link StrictMath} only, and tables are cached per (family, M,
 * bits, shape index), so a layer pays the design once per distinct shape.
 */
public final class M22Table {

    /** Grid steps per octave of shape. */
    public static final int STEPS_PER_OCTAVE = 256;
    /** Largest |shape index|: shapes 2^-4 .. 2^4. */
    public static final int MAX_INDEX = 4 * STEPS_PER_OCTAVE;

    private static final int MAX_ITERATIONS = 20_000;
    private static final double CONVERGED = 1e-12;
    private static final int CACHE_LIMIT = 4096;
    private static final Map<Key, M22Table> CACHE = new ConcurrentHashMap<>();

    private final MagnitudeFamily family;
    private final double shape;
    private final double m;
    /** Levels at unit scale, increasing, 2^bits of them. */
    private final double[] levels;
    /** Decision thresholds at unit scale, increasing, 2^bits - 1 of them (the middle one is 0). */
    private final double[] thresholds;
    private final int iterations;

    private record Key(MagnitudeFamily family, int shapeIndex, long mBits, int bits) {
    }

    private M22Table(final MagnitudeFamily family, final double shape, final double m, final int bits) {
        this.family = family;
        this.shape = shape;
        this.m = m;
        final int k = 1 << (bits - 1);
        final double[] y = new double[k];
        final double[] t = new double[k + 1];
        // start: evenly spread over twice the weighted RMS magnitude
        final double spread = 2 * Math.sqrt(family.partialMoment(shape, m + 2, 0, Double.POSITIVE_INFINITY)
                / family.partialMoment(shape, m, 0, Double.POSITIVE_INFINITY));
        for (int i = 0; i < k; i++) {
            y[i] = spread * (i + 0.5) / k;
        }
        t[k] = Double.POSITIVE_INFINITY;
        int iter = 0;
        for (; iter < MAX_ITERATIONS; iter++) {
            for (int i = 1; i < k; i++) {
                t[i] = 0.5 * (y[i - 1] + y[i]);
            }
            double move = 0;
            for (int i = 0; i < k; i++) {
                final double w0 = family.partialMoment(shape, m, t[i], t[i + 1]);
                if (w0 > 0) {
                    final double next = family.partialMoment(shape, m + 1, t[i], t[i + 1]) / w0;
                    move = Math.max(move, Math.abs(next - y[i]));
                    y[i] = next;
                }
            }
            if (move < CONVERGED * y[k - 1]) {
                break;
            }
        }
        iterations = iter;
        levels = new double[2 * k];
        thresholds = new double[2 * k - 1];
        for (int i = 0; i < k; i++) {
            levels[k + i] = y[i];
            levels[k - 1 - i] = -y[i];
        }
        for (int i = 0; i < k; i++) {
            thresholds[k - 1 + i] = t[i];
            thresholds[k - 1 - i] = -t[i];
        }
    }

    /**
     * @param index a shape index in [-{@link #MAX_INDEX}, {@link #MAX_INDEX}]
     * @return the shape 2^(index / 256)
     */
    public static double shapeOf(final int index) {
        return StrictMath.pow(2, (double) index / STEPS_PER_OCTAVE);
    }

    /**
     * @param shape a fitted shape
     * @return the nearest grid index, clamped to the grid
     */
    public static int indexOf(final double shape) {
        final double i = Math.rint(Math.log(shape) / Math.log(2) * STEPS_PER_OCTAVE);
        return (int) Math.max(-MAX_INDEX, Math.min(MAX_INDEX, Double.isNaN(i) ? 0 : i));
    }

    /**
     * The table for a grid shape (cached).
     *
     * @param family the law
     * @param shapeIndex grid index of the shape
     * @param m the weight exponent M &gt;= 0
     * @param bits 1..6
     * @return the table
     */
    public static M22Table of(final MagnitudeFamily family, final int shapeIndex, final double m, final int bits) {
        final Key key = new Key(family, shapeIndex, Double.doubleToLongBits(m), bits);
        final M22Table cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        if (CACHE.size() > CACHE_LIMIT) {
            CACHE.clear();
        }
        final M22Table t = design(family, shapeOf(shapeIndex), m, bits);
        CACHE.put(key, t);
        return t;
    }

    /**
     * Designs a table for any shape (not cached; tests and theory use it).
     *
     * @param family the law
     * @param shape beta or k
     * @param m the weight exponent M &gt;= 0
     * @param bits 1..6
     * @return the table
     */
    public static M22Table design(final MagnitudeFamily family, final double shape, final double m, final int bits) {
        return new M22Table(family, shape, m, bits);
    }

    /** @return the levels at unit scale (a copy) */
    public double[] levels() {
        return levels.clone();
    }

    /** @return the thresholds at unit scale (a copy) */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** @return Lloyd iterations the design took */
    public int iterations() {
        return iterations;
    }

    /**
     * E[|G|^w (G - Q(G))^2] at unit scale for any table of levels and thresholds (symmetric, as designed
     * here or the Lloyd-Max table), under this table's law.
     *
     * @param w the weight exponent to evaluate
     * @param lv levels (increasing, symmetric)
     * @param th thresholds (increasing, symmetric, middle one 0)
     * @return the expected weighted distortion
     */
    public double expectedDistortion(final double w, final double[] lv, final double[] th) {
        final int k = lv.length / 2;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            final double lo = th[k - 1 + i];
            final double hi = i == k - 1 ? Double.POSITIVE_INFINITY : th[k + i];
            final double y = lv[k + i];
            sum += family.partialMoment(shape, w + 2, lo, hi) - 2 * y * family.partialMoment(shape, w + 1, lo, hi)
                    + y * y * family.partialMoment(shape, w, lo, hi);
        }
        return sum;
    }

    /** @return E[|G|^M (G - Q(G))^2] of this table at unit scale */
    public double expectedDistortion() {
        return expectedDistortion(m, levels, thresholds);
    }
}
