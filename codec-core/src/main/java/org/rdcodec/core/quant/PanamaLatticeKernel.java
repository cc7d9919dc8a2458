package org.rdcodec.core.quant;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LatticeKernel} on the Vector API, one block per lane: coordinate j of LANES consecutive blocks
 * is gathered into one vector (stride n), so the whole Conway-Sloane search (rounding, parity, the
 * arg-max of the rounding error, the coset choice of E8) runs lane-wise without horizontal operations,
 * with the same float operations in the same order as {@link ScalarLatticeKernel}.
 */
public final class PanamaLatticeKernel implements LatticeKernel {

    private static final VectorSpecies<Float> FS = PanamaDither.FS;
    private static final VectorSpecies<Integer> IS = PanamaDither.IS;
    private static final int LANES = FS.length();

    private final int[] laneInts = new int[LANES];
    private final float[] laneFloats = new float[LANES];
    /** Gather maps {0, n, 2n, ...} for n = 1, 4, 8. */
    private final int[][] strides = new int[9][];

    /** Creates the kernel; fails if the float and int species differ in lanes. */
    public PanamaLatticeKernel() {
        if (IS.length() != LANES) {
            throw new IllegalStateException("int species " + IS + " and float species " + FS + " differ in lanes");
        }
        for (final int n : new int[] {1, 4, 8}) {
            strides[n] = new int[LANES];
            for (int l = 0; l < LANES; l++) {
                strides[n][l] = l * n;
            }
        }
    }

    @Override
    public void nearest(final Lattice lattice, final float[] z, final int blocks, final int[] twice) {
        final int n = lattice.dim();
        final int[] map = strides[n];
        final FloatVector[] zv = new FloatVector[n];
        final IntVector[] out = new IntVector[n];
        final int bound = blocks - blocks % LANES;
        int b = 0;
        for (; b < bound; b += LANES) {
            for (int j = 0; j < n; j++) {
                zv[j] = FloatVector.fromArray(FS, z, b * n + j, map, 0);
            }
            nearestBlocks(lattice, zv, out);
            for (int j = 0; j < n; j++) {
                scatter(out[j], twice, b * n + j, n);
            }
        }
        ScalarLatticeKernel.nearestRange(lattice, z, b, blocks, twice);
    }

    @Override
    public void dither(final Lattice lattice, final int blocks, final int key, final float[] u) {
        final int n = lattice.dim();
        final int[] map = strides[n];
        final FloatVector[] uv = new FloatVector[n];
        final IntVector[] scratch = new IntVector[n];
        final int bound = blocks - blocks % LANES;
        int b = 0;
        for (; b < bound; b += LANES) {
            dither(lattice, key, b, uv, scratch);
            for (int j = 0; j < n; j++) {
                scatter(uv[j], u, b * n + j, n);
            }
        }
        ScalarLatticeKernel.ditherRange(lattice, b, blocks, key, u);
    }

    @Override
    public void encode(final Lattice lattice, final float[] x, final int blocks, final float invScale, final int key, final int[] twice) {
        final int n = lattice.dim();
        final int[] map = strides[n];
        final FloatVector[] u = new FloatVector[n];
        final FloatVector[] zv = new FloatVector[n];
        final IntVector[] out = new IntVector[n];
        final int bound = blocks - blocks % LANES;
        int b = 0;
        for (; b < bound; b += LANES) {
            dither(lattice, key, b, u, out);
            for (int j = 0; j < n; j++) {
                zv[j] = FloatVector.fromArray(FS, x, b * n + j, map, 0).mul(invScale).add(u[j]);
            }
            nearestBlocks(lattice, zv, out);
            for (int j = 0; j < n; j++) {
                scatter(out[j], twice, b * n + j, n);
            }
        }
        ScalarLatticeKernel.encodeRange(lattice, x, b, blocks, invScale, key, twice);
    }

    @Override
    public void decode(final Lattice lattice, final int[] twice, final int blocks, final float scale, final int key, final float[] out) {
        final int n = lattice.dim();
        final int[] map = strides[n];
        final FloatVector[] u = new FloatVector[n];
        final IntVector[] scratch = new IntVector[n];
        final int bound = blocks - blocks % LANES;
        int b = 0;
        for (; b < bound; b += LANES) {
            dither(lattice, key, b, u, scratch);
            for (int j = 0; j < n; j++) {
                final FloatVector t = (FloatVector) IntVector.fromArray(IS, twice, b * n + j, map, 0).convert(VectorOperators.I2F, 0);
                scatter(t.mul(0.5f).sub(u[j]).mul(scale), out, b * n + j, n);
            }
        }
        ScalarLatticeKernel.decodeRange(lattice, twice, b, blocks, scale, key, out);
    }

    /** Lane l to {@code a[at + l * stride]}: a plain loop, as AVX2 has no scatter instruction. */
    private void scatter(final IntVector v, final int[] a, final int at, final int stride) {
        v.intoArray(laneInts, 0);
        for (int l = 0; l < LANES; l++) {
            a[at + l * stride] = laneInts[l];
        }
    }

    private void scatter(final FloatVector v, final float[] a, final int at, final int stride) {
        v.intoArray(laneFloats, 0);
        for (int l = 0; l < LANES; l++) {
            a[at + l * stride] = laneFloats[l];
        }
    }

    /** Dither of blocks [b, b + LANES): u[j] lane l is coordinate j of block b + l. */
    private static void dither(final Lattice lattice, final int key, final int b, final FloatVector[] u, final IntVector[] scratch) {
        final int n = lattice.dim();
        final float period = lattice.period();
        final IntVector lane = PanamaDither.IOTA.mul(n);
        for (int j = 0; j < n; j++) {
            final IntVector h = PanamaDither.mix32(lane.add(b * n + j).lanewise(VectorOperators.XOR, key));
            final FloatVector unit = ((FloatVector) h.lanewise(VectorOperators.LSHR, 8).convert(VectorOperators.I2F, 0)).mul(Dither.UNIT);
            u[j] = unit.mul(period);
        }
        nearestBlocks(lattice, u, scratch);
        for (int j = 0; j < n; j++) {
            u[j] = u[j].sub(((FloatVector) scratch[j].convert(VectorOperators.I2F, 0)).mul(0.5f));
        }
    }

    private static IntVector floor(final FloatVector t) {
        final IntVector q = (IntVector) t.convert(VectorOperators.F2I, 0);
        final FloatVector back = (FloatVector) q.convert(VectorOperators.I2F, 0);
        return q.sub(1, back.compare(VectorOperators.GT, t).cast(IS));
    }

    /** Lane-wise {@link ScalarLatticeKernel#nearestBlock}. */
    private static void nearestBlocks(final Lattice lattice, final FloatVector[] z, final IntVector[] twice) {
        switch (lattice) {
            case Z -> twice[0] = floor(z[0].add(0.5f)).mul(2);
            case D4 -> {
                nearestD(z, 0f, twice);
                for (int j = 0; j < 4; j++) {
                    twice[j] = twice[j].mul(2);
                }
            }
            default -> {
                final IntVector[] f = new IntVector[8];
                final IntVector[] g = new IntVector[8];
                final FloatVector da = nearestD(z, 0f, f);
                final FloatVector db = nearestD(z, 0.5f, g);
                final VectorMask<Integer> half = db.compare(VectorOperators.LT, da).cast(IS);
                for (int j = 0; j < 8; j++) {
                    twice[j] = f[j].mul(2).blend(g[j].mul(2).add(1), half);
                }
            }
        }
    }

    /** Lane-wise {@link ScalarLatticeKernel#nearestD}. */
    private static FloatVector nearestD(final FloatVector[] z, final float shift, final IntVector[] f) {
        final int n = z.length;
        IntVector sum = IntVector.zero(IS);
        IntVector worst = IntVector.zero(IS);
        FloatVector worstAbs = FloatVector.broadcast(FS, -1f);
        for (int j = 0; j < n; j++) {
            final FloatVector zj = z[j].sub(shift);
            f[j] = floor(zj.add(0.5f));
            sum = sum.add(f[j]);
            final FloatVector e = zj.sub((FloatVector) f[j].convert(VectorOperators.I2F, 0)).abs();
            final VectorMask<Float> worse = e.compare(VectorOperators.GT, worstAbs);
            worstAbs = worstAbs.blend(e, worse);
            worst = worst.blend(j, worse.cast(IS));
        }
        final VectorMask<Integer> odd = sum.and(1).compare(VectorOperators.NE, 0);
        FloatVector d = FloatVector.zero(FS);
        for (int j = 0; j < n; j++) {
            final FloatVector zj = z[j].sub(shift);
            final VectorMask<Integer> flip = odd.and(worst.compare(VectorOperators.EQ, j));
            final FloatVector e0 = zj.sub((FloatVector) f[j].convert(VectorOperators.I2F, 0));
            final IntVector step = IntVector.broadcast(IS, -1).blend(1, e0.compare(VectorOperators.GE, 0f).cast(IS));
            f[j] = f[j].add(step, flip);
            final FloatVector e = zj.sub((FloatVector) f[j].convert(VectorOperators.I2F, 0));
            d = d.add(e.mul(e));
        }
        return d;
    }
}
