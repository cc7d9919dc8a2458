package org.rdcodec.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts the float input bytes each benchmark op reads, so JMH reports a secondary result
 * {@code inputBytes} in bytes per second next to the primary ops/s. Divide by 1e9 for GB/s per thread.
 * (The same figure is {@code bytes param * ops/s}; {@code rdc report} computes it that way.)
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class InputBytes {

    /** Bytes of float input read so far in this iteration. */
    public long inputBytes;

    /** Creates the counter (JMH instantiates it). */
    public InputBytes() {
    }

    /** Resets the counter before each iteration. */
    @Setup(Level.Iteration)
    public void reset() {
        inputBytes = 0;
    }
}
