package org.rdcodec.core.quant;

/** The reference {@link HadamardKernel}: butterflies one pair at a time, exactly as defined there. */
public final class ScalarHadamardKernel implements HadamardKernel {

    /** Creates the kernel. */
    public ScalarHadamardKernel() {
    }

    @Override
    public void transform(final float[] x, final int from, final int len, final float scale) {
        butterflies(x, from, len, 1, len);
        for (int i = from; i < from + len; i++) {
            x[i] *= scale;
        }
    }

    /** Butterfly stages h = hFrom, 2 hFrom, ... below hTo. */
    static void butterflies(final float[] x, final int from, final int len, final int hFrom, final int hTo) {
        for (int h = hFrom; h < hTo; h <<= 1) {
            for (int base = from; base < from + len; base += 2 * h) {
                for (int i = base; i < base + h; i++) {
                    final float a = x[i];
                    final float b = x[i + h];
                    x[i] = a + b;
                    x[i + h] = a - b;
                }
            }
        }
    }

    @Override
    public void flipSigns(final float[] x, final int from, final int len, final int key, final int first) {
        flipRange(x, from, 0, len, key, first);
    }

    static void flipRange(final float[] x, final int from, final int lo, final int hi, final int key, final int first) {
        for (int i = lo; i < hi; i++) {
            final int sign = Dither.hash(key, first + i) << 31;
            x[from + i] = Float.intBitsToFloat(Float.floatToRawIntBits(x[from + i]) ^ sign);
        }
    }
}
