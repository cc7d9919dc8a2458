package org.rdcodec.bench;

import java.util.SplittableRandom;

import org.rdcodec.core.buffer.GradientBuffer;

/** Input data shared by the benchmarks: gradient-like floats from a fixed seed. */
final class BenchData {

    /** 256 KiB: fits L2, so the kernel's arithmetic, not DRAM, is the limit. */
    static final String SMALL = "262144";
    /** 64 MiB: far beyond the caches, so the read bandwidth of one core is the limit. */
    static final String LARGE = "67108864";

    private BenchData() {
    }

    /**
     * @param bytes size of the float32 input in bytes (a multiple of 4)
     * @return a buffer of N(0, 1) floats, seed fixed; the caller closes it
     */
    static GradientBuffer gaussian(final long bytes) {
        final int n = Math.toIntExact(bytes / Float.BYTES);
        final GradientBuffer b = GradientBuffer.allocate(n);
        final SplittableRandom rnd = new SplittableRandom(0x5eedL);
        final float[] chunk = new float[1 << 16];
        for (int done = 0; done < n; done += chunk.length) {
            final int len = Math.min(chunk.length, n - done);
            for (int i = 0; i < len; i++) {
                chunk[i] = (float) rnd.nextGaussian();
            }
            b.copyFrom(chunk, 0, done, len);
        }
        return b;
    }
}
