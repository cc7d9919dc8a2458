package org.rdcodec.sw.ceo;

import org.rdcodec.core.quant.Lattice;

/**
 * The model of the E8 bit-plane workers ({@code quantizer=e8}; derivation in src/site/ceo.md). A worker
 * quantizes each block of 8 coordinates on E8 = D8 u (D8 + 1/2) scaled by Delta with the shared dither u
 * (uniform on the Voronoi cell): p = Q(y / Delta + u), yhat = (p - u) Delta = y + E with E uniform on the cell,
 * independent of y, per-dimension variance G Delta^2. The plan's step stays the scalar-equivalent
 * sqrt(12 sv2), so weights, side information and statistics are unchanged; the lattice step is
 * Delta = sqrt(sv2 / G) = step / sqrt(12 G).
 *
 * <p>The point is p = z + (c / 2) 1 with the coset bit c and z in D8 (sum even). The server decodes c first
 * ({@link #cosetLlr}), then z's offset indices plane by plane with the scalar model ({@link BitPlaneModel})
 * at the dither u - c/2 (given c, z_i is the rounding of y_i / Delta + u_i - c/2 except for the D8 parity
 * fix-up, so the cube cell is an approximation of the E8 cell: a mismatch costs rate, never correctness).
 * The parity of z makes the least significant bit of the last coordinate of each block redundant: it is not
 * sent, and the other seven least significant bits get the parity check's extrinsic information
 * ({@link #parityMarginals}).
 */
final class CeoE8 {

    /** Coordinates per block. */
    static final int DIM = 8;

    /** Normalized second moment of E8 (per dimension, unit cell volume), from the core's lattice. */
    static final double G = Lattice.E8.g();

    /** Plane id of the coset bits (back channel and statistics); the z planes are 0..planes-1 &lt;= 29. */
    static final int COSET_PLANE = 31;

    /**
     * Least significant bits of the first LOW_FIRST coordinates of each block form the first low sub-plane (id 0);
     * coordinate LOW_FIRST's bit is the second (id {@link #PAIR_PLANE}), sent with the exact LLR given the first;
     * the last coordinate's bit follows from the parity.
     */
    static final int LOW_FIRST = DIM - 2;

    /** Plane id of the second low sub-plane (one bit per block). */
    static final int PAIR_PLANE = 30;

    /** Smallest layer quantized on E8 (smaller ones take the scalar path: the headers would dominate). */
    static final int MIN_LAYER = 64;

    /** Series terms of the coset model are summed until their Gaussian factor falls below this. */
    private static final double SERIES_CUTOFF = 1e-16;

    /** Most series terms (reached only for s / Delta below about 0.003, where the LLR saturates anyway). */
    private static final int MAX_TERMS = 1000;

    private CeoE8() {
    }

    /**
     * @param step the plan's scalar-equivalent step sqrt(12 sv2)
     * @return Delta = sqrt(sv2 / G)
     */
    static double latticeStep(final double step) {
        return step / Math.sqrt(12 * G);
    }

    /**
     * Variance added to the side information's in the coset model, in units of Delta^2: G, the E8 cell's
     * per-dimension second moment (the point model approximates the Gaussian mass of a cell by the density at
     * its point, widened by the cell's own spread). Measured (CeoE8Test's source, P = 2^14, two rounds, nine
     * workers): cross-entropy of the coset bits 0.992 bit per block at G against 1.117 with nothing added.
     */
    static final double COSET_INFLATE = G;

    /**
     * The coset model's Fourier factors for sigma = sqrt(s^2 / Delta^2 + inflation): row 0 the even harmonics
     * exp(-2 pi^2 k^2 sigma^2), k = 1, 2, ... (of A), row 1 the odd ones exp(-pi^2 (2j+1)^2 sigma^2 / 2), j = 0, 1, ...
     * (of B), each until it falls below {@link #SERIES_CUTOFF}.
     *
     * @param sigma standard deviation in units of Delta
     * @return the two rows
     */
    static double[][] seriesFactors(final double sigma) {
        final double[][] out = new double[2][];
        for (int row = 0; row < 2; row++) {
            final double[] tmp = new double[MAX_TERMS];
            int n = 0;
            for (int j = 0; j < MAX_TERMS; j++) {
                final double f = row == 0 ? 2 * Math.PI * (j + 1) : Math.PI * (2 * j + 1);
                final double a = Math.exp(-f * f * sigma * sigma / 2);
                tmp[n++] = a;
                if (a < SERIES_CUTOFF) {
                    break;
                }
            }
            out[row] = java.util.Arrays.copyOf(tmp, n);
        }
        return out;
    }

    /**
     * Writes A(0), A(1), B(0), B(1) of one coordinate under the point model P(p_i) ~ phi((p_i - m) / sigma) on the
     * points p_i = z + c/2 (derivation in src/site/ceo.md): A(c) = sum_z phi(z + c/2 - m) and
     * B(c) = sum_z (-1)^z phi(z + c/2 - m), by Poisson summation (common factors dropped)
     * A(c) = 1 + 2 sum_k a_k (-1)^(k c) cos(2 pi k m), B(0) = 2 sum_j b_j cos((2j+1) pi m),
     * B(1) = 2 sum_j b_j (-1)^j sin((2j+1) pi m).
     *
     * @param m centre mu / Delta + u in index units
     * @param f {@link #seriesFactors}
     * @param out receives A(0), A(1), B(0), B(1) at [at..at+4)
     * @param at index
     */
    static void parityMeans(final double m, final double[][] f, final double[] out, final int at) {
        final double theta = Math.PI * m;
        final double c1 = Math.cos(theta);
        final double s1 = Math.sin(theta);
        // e^{i 2 theta}: steps odd harmonics k -> k + 2, and is the first even harmonic
        final double c2 = c1 * c1 - s1 * s1;
        final double s2 = 2 * s1 * c1;
        double a0 = 1;
        double a1 = 1;
        double ck = c2;
        double sk = s2;
        final double[] fa = f[0];
        for (int k = 0; k < fa.length; k++) {
            a0 += 2 * fa[k] * ck;
            a1 += ((k & 1) == 0 ? -2 : 2) * fa[k] * ck;
            final double cn = ck * c2 - sk * s2;
            sk = sk * c2 + ck * s2;
            ck = cn;
        }
        double b0 = 0;
        double b1 = 0;
        ck = c1;
        sk = s1;
        final double[] fb = f[1];
        for (int j = 0; j < fb.length; j++) {
            b0 += 2 * fb[j] * ck;
            b1 += ((j & 1) == 0 ? 2 : -2) * fb[j] * sk;
            final double cn = ck * c2 - sk * s2;
            sk = sk * c2 + ck * s2;
            ck = cn;
        }
        out[at] = Math.max(0, a0);
        out[at + 1] = Math.max(0, a1);
        out[at + 2] = Math.max(-out[at], Math.min(out[at], b0));
        out[at + 3] = Math.max(-out[at + 1], Math.min(out[at + 1], b1));
    }

    /**
     * The coset bit's LLR of one block under the point model: P(c) is proportional to
     * sum over z in D8 of prod_i phi(z_i + c/2 - m_i) = (prod_i A_i(c) + prod_i B_i(c)) / 2.
     *
     * @param mu side-information means, indexed by coordinate
     * @param u E8 dither, same indexing
     * @param from first coordinate of the block
     * @param delta Delta
     * @param f {@link #seriesFactors}
     * @param scratch 4 doubles
     * @return ln P(c = 0) / P(c = 1), clamped to +-{@link BitPlaneModel#MAX_LLR}
     */
    static float cosetLlr(final double[] mu, final float[] u, final int from, final double delta, final double[][] f,
            final double[] scratch) {
        double a0 = 1;
        double a1 = 1;
        double b0 = 1;
        double b1 = 1;
        for (int i = from; i < from + DIM; i++) {
            parityMeans(mu[i] / delta + u[i], f, scratch, 0);
            a0 *= scratch[0];
            a1 *= scratch[1];
            b0 *= scratch[2];
            b1 *= scratch[3];
        }
        return llr(a0 + b0, a1 + b1);
    }

    /**
     * @param s side-information standard deviation
     * @param delta Delta
     * @return the coset model's standard deviation in units of Delta
     */
    static double cosetSigma(final double s, final double delta) {
        return Math.sqrt(s * s / (delta * delta) + COSET_INFLATE);
    }

    /**
     * The second low sub-plane: with the first {@link #LOW_FIRST} bits known, the last two XOR to their parity s,
     * so bit LOW_FIRST has the exact LLR L_6 + L_7 (s = 0: the two bits are equal) or L_6 - L_7 (s = 1).
     *
     * @param l6 LLR of bit LOW_FIRST
     * @param l7 LLR of the last bit
     * @param s parity of the first LOW_FIRST bits
     * @return the LLR, clamped
     */
    static float pairLlr(final float l6, final float l7, final int s) {
        final double l = s == 0 ? (double) l6 + l7 : (double) l6 - l7;
        return (float) Math.max(-BitPlaneModel.MAX_LLR, Math.min(BitPlaneModel.MAX_LLR, l));
    }

    /**
     * Smallest standard deviation of the z planes' model, in units of Delta. Given c, D8's parity fix-up moves one
     * coordinate of about every other block to the far side of its rounding cell; when the side information is
     * much narrower than the cell (coarse steps, large rho) the cube model would give that value a vanishing
     * probability and the planes above the least significant would carry confidently wrong LLRs. Measured
     * (`rdc ceo-sweep --dim 262144 --ratios 10 --options block=16384;quantizer=e8`, bits at rho = 10 / 30): no
     * floor 5.694 / 4.348 (2 raw fallbacks), 0.15: 5.706 / 4.208, 0.2: 5.705 / 4.207, 0.25: 5.745 / 4.207,
     * 0.35: 5.816 / 4.207 (scalar codec 5.726 / 4.171); at rho &lt;= 3 the side information is wider than 0.2 Delta.
     */
    static final double MIN_PLANE_SIGMA = 0.2;

    /**
     * @param s side-information standard deviation
     * @param delta Delta
     * @return the standard deviation of the z planes' model: s, at least {@link #MIN_PLANE_SIGMA} Delta
     */
    static double planeSigma(final double s, final double delta) {
        return Math.max(s, MIN_PLANE_SIGMA * delta);
    }

    /** ln(x0 / x1) clamped; a zero side gives the clamp. */
    static float llr(final double x0, final double x1) {
        if (!(x0 > 0)) {
            return -BitPlaneModel.MAX_LLR;
        }
        if (!(x1 > 0)) {
            return BitPlaneModel.MAX_LLR;
        }
        final double l = Math.log(x0 / x1);
        return (float) Math.max(-BitPlaneModel.MAX_LLR, Math.min(BitPlaneModel.MAX_LLR, l));
    }

    /**
     * The first low sub-plane with the block's parity: the 8 least significant bits of a block XOR to 0 (sum z
     * even and 8 zmin even), and bit i &lt; {@link #LOW_FIRST} has the marginal LLR
     * L_i + 2 atanh(prod_{j != i} tanh(L_j / 2)) of the single parity check over all 8.
     *
     * @param llr the 8 per-coordinate LLRs of the block's least significant bits, from [from]
     * @param from first coordinate
     * @param out receives the {@link #LOW_FIRST} marginals at [to]
     * @param to first output index
     */
    static void parityMarginals(final float[] llr, final int from, final float[] out, final int to) {
        final double[] t = new double[DIM];
        for (int j = 0; j < DIM; j++) {
            t[j] = Math.tanh(llr[from + j] / 2.0);
        }
        for (int i = 0; i < LOW_FIRST; i++) {
            double prod = 1;
            for (int j = 0; j < DIM; j++) {
                if (j != i) {
                    prod *= t[j];
                }
            }
            // 2 atanh(x) = ln((1 + x) / (1 - x))
            final double ext = llr(1 + prod, 1 - prod);
            final double l = llr[from + i] + ext;
            out[to + i] = (float) Math.max(-BitPlaneModel.MAX_LLR, Math.min(BitPlaneModel.MAX_LLR, l));
        }
    }
}
