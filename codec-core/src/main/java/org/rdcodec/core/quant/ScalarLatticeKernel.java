package org.rdcodec.core.quant;

/** The reference {@link LatticeKernel}: one block at a time, exactly as defined there. */
public final class ScalarLatticeKernel implements LatticeKernel {

    /** Creates the kernel. */
    public ScalarLatticeKernel() {
    }

    @Override
    public void nearest(final Lattice lattice, final float[] z, final int blocks, final int[] twice) {
        nearestRange(lattice, z, 0, blocks, twice);
    }

    @Override
    public void encode(final Lattice lattice, final float[] x, final int blocks, final float invScale, final int key, final int[] twice) {
        encodeRange(lattice, x, 0, blocks, invScale, key, twice, null);
    }

    @Override
    public void encode(final Lattice lattice, final float[] x, final int blocks, final float invScale, final int key, final int[] twice,
            final float[] u) {
        encodeRange(lattice, x, 0, blocks, invScale, key, twice, u);
    }

    @Override
    public void reconstruct(final int[] twice, final float[] u, final int count, final float scale, final float[] out) {
        reconstructRange(twice, u, 0, count, scale, out);
    }

    static void reconstructRange(final int[] twice, final float[] u, final int from, final int to, final float scale, final float[] out) {
        for (int i = from; i < to; i++) {
            out[i] = (0.5f * twice[i] - u[i]) * scale;
        }
    }

    @Override
    public void decode(final Lattice lattice, final int[] twice, final int blocks, final float scale, final int key, final float[] out) {
        decodeRange(lattice, twice, 0, blocks, scale, key, out);
    }

    @Override
    public void dither(final Lattice lattice, final int blocks, final int key, final float[] u) {
        ditherRange(lattice, 0, blocks, key, u);
    }

    static void ditherRange(final Lattice lattice, final int fromBlock, final int toBlock, final int key, final float[] u) {
        final int n = lattice.dim();
        final float[] ub = new float[n];
        final int[] a = new int[n];
        for (int b = fromBlock; b < toBlock; b++) {
            dither(lattice, key, b, ub, a);
            System.arraycopy(ub, 0, u, b * n, n);
        }
    }

    static void nearestRange(final Lattice lattice, final float[] z, final int fromBlock, final int toBlock, final int[] twice) {
        final int n = lattice.dim();
        final float[] zb = new float[n];
        final int[] a = new int[n];
        for (int b = fromBlock; b < toBlock; b++) {
            System.arraycopy(z, b * n, zb, 0, n);
            nearestBlock(lattice, zb, a);
            System.arraycopy(a, 0, twice, b * n, n);
        }
    }

    static void encodeRange(final Lattice lattice, final float[] x, final int fromBlock, final int toBlock, final float invScale, final int key,
            final int[] twice, final float[] uOut) {
        final int n = lattice.dim();
        final float[] u = new float[n];
        final float[] zb = new float[n];
        final int[] a = new int[n];
        for (int b = fromBlock; b < toBlock; b++) {
            dither(lattice, key, b, u, a);
            for (int j = 0; j < n; j++) {
                zb[j] = x[b * n + j] * invScale + u[j];
            }
            nearestBlock(lattice, zb, a);
            System.arraycopy(a, 0, twice, b * n, n);
            if (uOut != null) {
                System.arraycopy(u, 0, uOut, b * n, n);
            }
        }
    }

    static void decodeRange(final Lattice lattice, final int[] twice, final int fromBlock, final int toBlock, final float scale, final int key,
            final float[] out) {
        final int n = lattice.dim();
        final float[] u = new float[n];
        final int[] a = new int[n];
        for (int b = fromBlock; b < toBlock; b++) {
            dither(lattice, key, b, u, a);
            for (int j = 0; j < n; j++) {
                out[b * n + j] = (0.5f * twice[b * n + j] - u[j]) * scale;
            }
        }
    }

    /** The dither of block b: w - Q(w) with w uniform on [0, period)^n; {@code a} is scratch. */
    static void dither(final Lattice lattice, final int key, final int block, final float[] u, final int[] a) {
        final int n = lattice.dim();
        final float period = lattice.period();
        for (int j = 0; j < n; j++) {
            u[j] = period * Dither.unit(key, block * n + j);
        }
        nearestBlock(lattice, u, a);
        for (int j = 0; j < n; j++) {
            u[j] = u[j] - 0.5f * a[j];
        }
    }

    /**
     * The nearest point of one block.
     *
     * @param lattice the lattice
     * @param z the block (not modified)
     * @param twice out: doubled coordinates
     */
    static void nearestBlock(final Lattice lattice, final float[] z, final int[] twice) {
        switch (lattice) {
            case Z -> twice[0] = 2 * (int) Math.floor(z[0] + 0.5f);
            case D4 -> {
                nearestD(z, 0f, 4, twice);
                for (int j = 0; j < 4; j++) {
                    twice[j] = 2 * twice[j];
                }
            }
            default -> {
                final float da = nearestD(z, 0f, 8, twice);
                int f0 = twice[0], f1 = twice[1], f2 = twice[2], f3 = twice[3], f4 = twice[4], f5 = twice[5], f6 = twice[6], f7 = twice[7];
                final float db = nearestD(z, 0.5f, 8, twice);
                if (db < da) {
                    for (int j = 0; j < 8; j++) {
                        twice[j] = 2 * twice[j] + 1;
                    }
                } else {
                    twice[0] = 2 * f0;
                    twice[1] = 2 * f1;
                    twice[2] = 2 * f2;
                    twice[3] = 2 * f3;
                    twice[4] = 2 * f4;
                    twice[5] = 2 * f5;
                    twice[6] = 2 * f6;
                    twice[7] = 2 * f7;
                }
            }
        }
    }

    /**
     * Nearest point of D_n to z - shift (n = f.length), by Conway and Sloane's rule.
     *
     * @return the squared distance, summed in index order
     */
    static float nearestD(final float[] z, final float shift, final int[] f) {
        return nearestD(z, shift, f.length, f);
    }

    /** {@link #nearestD(float[], float, int[])} for the first n coordinates. */
    static float nearestD(final float[] z, final float shift, final int n, final int[] f) {
        int sum = 0;
        int worst = 0;
        float worstAbs = -1f;
        for (int j = 0; j < n; j++) {
            final float zj = z[j] - shift;
            f[j] = (int) Math.floor(zj + 0.5f);
            sum += f[j];
            final float e = Math.abs(zj - f[j]);
            if (e > worstAbs) {
                worstAbs = e;
                worst = j;
            }
        }
        if ((sum & 1) != 0) {
            final float zk = z[worst] - shift;
            f[worst] += zk - f[worst] >= 0f ? 1 : -1;
        }
        float d = 0f;
        for (int j = 0; j < n; j++) {
            final float e = (z[j] - shift) - f[j];
            d = d + e * e;
        }
        return d;
    }
}
