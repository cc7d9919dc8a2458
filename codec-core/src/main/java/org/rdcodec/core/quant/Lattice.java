package org.rdcodec.core.quant;

/**
 * The lattices of the lattice quantizers, in their standard coordinates (Conway and Sloane):
 * Z^1 (the integers, a block of one), D4 = {y in Z^4 : sum even} and E8 = D8 u (D8 + 1/2).
 * Points are carried as <i>doubled</i> coordinates 2y, which are integers for all three.
 * {@link #unitScale} maps the standard lattice to the one with unit cell volume, so {@code step = s}
 * gives per-dimension distortion {@link #g} s^2.
 */
public enum Lattice {
    /** The integers; one coordinate per block. */
    Z(1, 1.0, 1.0 / 12, 1),
    /** The checkerboard lattice D4; cell volume 2. */
    D4(4, Math.pow(2, -0.25), 13.0 / (120 * Math.sqrt(2)), 2),
    /** The Gosset lattice E8; cell volume 1. */
    E8(8, 1.0, 929.0 / 12960, 2);

    private final int dim;
    private final double unitScale;
    private final double g;
    private final int period;

    Lattice(final int dim, final double unitScale, final double g, final int period) {
        this.dim = dim;
        this.unitScale = unitScale;
        this.g = g;
        this.period = period;
    }

    /** @return coordinates per block */
    public int dim() {
        return dim;
    }

    /** @return the factor that scales the standard lattice to unit cell volume */
    public double unitScale() {
        return unitScale;
    }

    /** @return the normalized second moment G (theory.md section 7) */
    public double g() {
        return g;
    }

    /**
     * @return side p of the cube [0, p)^n that is a fundamental domain of the sublattice p Z^n of this
     *         lattice (1 for Z, 2 for D4 and E8, since 2 Z^n is inside both)
     */
    public int period() {
        return period;
    }

    /**
     * Whether doubled coordinates {@code twice[from, from + dim)} are a point of the lattice.
     *
     * @param twice doubled coordinates
     * @param from first index
     * @return true for a lattice point
     */
    public boolean contains(final int[] twice, final int from) {
        switch (this) {
            case Z:
                return (twice[from] & 1) == 0;
            case D4: {
                int sum = 0;
                for (int j = 0; j < 4; j++) {
                    if ((twice[from + j] & 1) != 0) {
                        return false;
                    }
                    sum += twice[from + j] >> 1;
                }
                return (sum & 1) == 0;
            }
            default: {
                final int coset = twice[from] & 1;
                int sum = 0;
                for (int j = 0; j < 8; j++) {
                    if ((twice[from + j] & 1) != coset) {
                        return false;
                    }
                    sum += (twice[from + j] - coset) >> 1;
                }
                return (sum & 1) == 0;
            }
        }
    }
}
