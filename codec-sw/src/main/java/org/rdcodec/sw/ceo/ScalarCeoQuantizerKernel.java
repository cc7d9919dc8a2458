package org.rdcodec.sw.ceo;

import org.rdcodec.core.quant.Dither;

/** {@link CeoQuantizerKernel} in plain Java: the reference. */
public final class ScalarCeoQuantizerKernel implements CeoQuantizerKernel {

    /** Creates the kernel (stateless). */
    public ScalarCeoQuantizerKernel() {
        // stateless
    }

    @Override
    public long quantize(final float[] y, final int off, final int n, final float step, final int key,
            final double maxAbs, final int[] q, final int[] hash) {
        if (n == 0) {
            return 0;
        }
        return quantizeRange(y, off, 0, n, step, key, maxAbs, q, hash, Integer.MAX_VALUE, Integer.MIN_VALUE);
    }

    /** Indices [from, n) with the range so far; also the vector kernel's tail. */
    static long quantizeRange(final float[] y, final int off, final int from, final int n, final float step,
            final int key, final double maxAbs, final int[] q, final int[] hash, final int minSoFar,
            final int maxSoFar) {
        int qmin = minSoFar;
        int qmax = maxSoFar;
        for (int i = from; i < n; i++) {
            final int h = Dither.hash(key, i);
            if (hash != null) {
                hash[i] = h;
            }
            // Dither.centred(key, i), from the hash
            final float u = (h >>> 8) * Dither.UNIT - 0.5f;
            final double s = y[off + i] / (double) step + u + 0.5;
            if (Math.abs(s) > maxAbs) {
                return -1L - i;
            }
            q[i] = (int) Math.floor(s);
            qmin = Math.min(qmin, q[i]);
            qmax = Math.max(qmax, q[i]);
        }
        return (long) qmax << 32 | (qmin & 0xffffffffL);
    }
}
