package org.rdcodec.core.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Warm encoders and decoders reuse their scratch: a layer's encode + decode allocates nothing per symbol. */
class RansAllocationTest {

    /**
     * Allowed bytes for 20 warm encode+decode calls of 64 Ki symbols. Per-symbol allocation would be at least
     * 20 * 65536 bytes; the allowance covers one-off runtime allocations (JIT, VarHandle linkage) only.
     */
    private static final long MAX_ALLOCATED_BYTES = 64 * 1024;

    @Test
    void warmCodersDoNotAllocate() {
        final java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean, "allocation counter unavailable");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) mx;
        final int[] symbols = IndexStreams.gaussianWithOutliers(1 << 16, 2.0, 0.001, 70);
        final int[] out = new int[symbols.length];
        final UnsafeBuffer buf = new UnsafeBuffer(new byte[(int) RansEncoder.maxEncodedLength(symbols.length)]);
        final RansEncoder encoder = new RansEncoder();
        final RansDecoder decoder = new RansDecoder();
        for (int warm = 0; warm < 3; warm++) {
            decoder.decode(buf, 0, encoder.encode(symbols, 0, symbols.length, buf, 0), out, 0, symbols.length);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int rep = 0; rep < 20; rep++) {
            decoder.decode(buf, 0, encoder.encode(symbols, 0, symbols.length, buf, 0), out, 0, symbols.length);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertArrayEquals(symbols, out);
        assertTrue(allocated <= MAX_ALLOCATED_BYTES, "allocated " + allocated + " bytes in 20 warm calls");
    }
}
