package org.rdcodec.sw.ceo;

/** {@link PlaneBitsKernel} in plain Java: the reference. */
public final class ScalarPlaneBitsKernel implements PlaneBitsKernel {

    /** Creates the kernel (stateless). */
    public ScalarPlaneBitsKernel() {
        // stateless
    }

    @Override
    public void extract(final int[] r, final int from, final int n, final int plane, final long[] out) {
        extractRange(r, from, 0, n, plane, out);
    }

    /** Bits [i0, n) into out, whose words from i0 / 64 on are overwritten; also the vector kernel's tail (i0 % 64 == 0). */
    static void extractRange(final int[] r, final int from, final int i0, final int n, final int plane, final long[] out) {
        for (int w = i0 >>> 6, words = (n + 63) >>> 6; w < words; w++) {
            long x = 0;
            final int base = w << 6;
            final int lim = Math.min(64, n - base);
            for (int b = 0; b < lim; b++) {
                x |= (long) ((r[from + base + b] >>> plane) & 1) << b;
            }
            out[w] = x;
        }
    }
}
