package org.rdcodec.bench;

import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;
import org.rdcodec.core.entropy.RansEncoder;

/** Seeded quantizer-like index streams and their encodings for the rANS benchmarks. */
final class RansStreams {

    /** 64 Ki symbols: a small layer, table and header costs matter. */
    static final int SMALL = 1 << 16;
    /** 4 Mi symbols: a large layer, the hot loop dominates; indices and output exceed L2. */
    static final int LARGE = 1 << 22;
    /** round(2 * N(0,1)): about 3.06 bits per symbol, the middle of the 2-4 bit range of issue 3. */
    static final double SIGMA = 2.0;

    private RansStreams() {
    }

    static int[] gaussianIndices(final int n, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = (int) Math.rint(SIGMA * r.nextGaussian());
        }
        return v;
    }

    static UnsafeBuffer destinationFor(final int n) {
        return new UnsafeBuffer(new byte[(int) RansEncoder.maxEncodedLength(n)]);
    }
}
