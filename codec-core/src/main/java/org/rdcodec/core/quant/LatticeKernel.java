package org.rdcodec.core.quant;

/**
 * Nearest-point search and subtractive dithered quantization on a {@link Lattice}, many blocks at once.
 * Exact definition (float arithmetic, each operation rounded to nearest-even, no fused multiply-add;
 * the scalar implementation is the reference and implementations agree bit for bit):
 * <pre>
 * D_n(z):  f_j = floor(z_j + 0.5f)          (ties round up)
 *          e_j = z_j - f_j
 *          if sum f_j is odd: k = the first j with the largest |e_j|; f_k += (e_k &gt;= 0 ? 1 : -1)
 *          d   = ((z_0 - f_0)^2 + (z_1 - f_1)^2) + ...   summed in index order
 * Z(z):    floor(z + 0.5f)
 * D4(z):   D_4(z)
 * E8(z):   a = D_8(z) with distance da; b = D_8(z - 0.5f) with distance db;
 *          b + 1/2 if db &lt; da else a       (ties go to the integer coset)
 * dither:  w_i = period * unit(key, i);  u_i = w_i - Q(w)_i   (uniform on the Voronoi cell)
 * encode:  z_i = x_i * invScale + u_i;  out 2 Q(z)_i
 * decode:  xhat_i = (0.5f * twice_i - u_i) * scale
 * </pre>
 * The encoder needs u for its entropy-coding contexts and the decoder for the contexts and the
 * reconstruction: {@link #encode(Lattice, float[], int, float, int, int[], float[])} hands the dither
 * out with the points and {@link #reconstruct} takes it back in, so that neither side searches for it twice.
 * Block b holds indices {@code [b n, b n + n)}. Callers keep |z| &lt; 2^22.
 */
public interface LatticeKernel {

    /**
     * Nearest lattice points.
     *
     * @param lattice the lattice
     * @param z points, {@code blocks * lattice.dim()} of them
     * @param blocks number of blocks
     * @param twice out: doubled coordinates of the nearest lattice points
     */
    void nearest(Lattice lattice, float[] z, int blocks, int[] twice);

    /**
     * The dither u alone (both sides use it to choose entropy-coding contexts).
     *
     * @param lattice the lattice
     * @param blocks number of blocks
     * @param key dither stream key
     * @param u out: {@code blocks * lattice.dim()} dither values
     */
    void dither(Lattice lattice, int blocks, int key, float[] u);

    /**
     * Dithered quantization.
     *
     * @param lattice the lattice
     * @param x input, already rotated if at all
     * @param blocks number of blocks
     * @param invScale 1 / (step * unit scale)
     * @param key dither stream key
     * @param twice out: doubled coordinates of Q(x / scale + u)
     */
    void encode(Lattice lattice, float[] x, int blocks, float invScale, int key, int[] twice);

    /**
     * Reconstruction.
     *
     * @param lattice the lattice
     * @param twice doubled coordinates
     * @param blocks number of blocks
     * @param scale step * unit scale
     * @param key dither stream key (the encoder's)
     * @param out reconstruction
     */
    void decode(Lattice lattice, int[] twice, int blocks, float scale, int key, float[] out);

    /**
     * {@link #encode(Lattice, float[], int, float, int, int[])} that also hands out the dither it used
     * (exactly what {@link #dither} gives).
     *
     * @param lattice the lattice
     * @param x input, already rotated if at all
     * @param blocks number of blocks
     * @param invScale 1 / (step * unit scale)
     * @param key dither stream key
     * @param twice out: doubled coordinates of Q(x / scale + u)
     * @param u out: the dither, {@code blocks * lattice.dim()} values
     */
    void encode(Lattice lattice, float[] x, int blocks, float invScale, int key, int[] twice, float[] u);

    /**
     * {@link #decode} from a dither the caller already holds: {@code out_i = (0.5f * twice_i - u_i) * scale}.
     *
     * @param twice doubled coordinates
     * @param u the dither (from {@link #dither} with the encoder's key)
     * @param count number of coordinates
     * @param scale step * unit scale
     * @param out reconstruction
     */
    void reconstruct(int[] twice, float[] u, int count, float scale, float[] out);
}
