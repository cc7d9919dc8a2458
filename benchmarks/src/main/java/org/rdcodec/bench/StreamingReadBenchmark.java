package org.rdcodec.bench;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rdcodec.core.buffer.GradientBuffer;

/**
 * The read-bandwidth baseline every kernel suite is compared with: the sum of all floats of a
 * {@code bytes}-sized off-heap segment with the Vector API, the least work that still touches every byte.
 * At 64 MiB it measures one core's DRAM read bandwidth; at 256 KiB the L2 bandwidth.
 *
 * <p>Which unrolling reads fastest depends on the level: in L2 more independent accumulators keep more
 * loads in flight, while from DRAM (AMD EPYC, smoke runs) two vectors (one cache line) per iteration
 * beat eight. So the suite measures 2, 4 and 8 accumulators and {@code rdc report} takes the fastest of
 * them, per size, as the baseline: a kernel is compared with the best plain read, not a weak one.
 *
 * <p>GB/s of float input = {@code bytes * score(ops/s) / 1e9}; JMH also prints it as the
 * {@code inputBytes} secondary result (bytes/s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC,
    BenchJvm.ALLOW_UNSAFE, BenchJvm.NATIVE_ACCESS})
public class StreamingReadBenchmark {

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = FLOATS.length();
    private static final long VECTOR_BYTES = (long) LANES * Float.BYTES;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** Bytes of float32 input per op (both sizes are multiples of {@code 8 * LANES} floats). */
    @Param({BenchData.SMALL, BenchData.LARGE})
    public long bytes;

    private GradientBuffer buffer;
    private MemorySegment segment;
    private int floats;

    /** Creates the state (JMH instantiates it). */
    public StreamingReadBenchmark() {
    }

    /** Allocates and fills the input. */
    @Setup(Level.Trial)
    public void setUp() {
        buffer = BenchData.gaussian(bytes);
        segment = buffer.segment();
        floats = buffer.length();
    }

    /** Frees the input. */
    @TearDown(Level.Trial)
    public void tearDown() {
        buffer.close();
    }

    /**
     * @param counter counts input bytes
     * @return the float sum (returned so the JIT cannot drop the reads)
     */
    @Benchmark
    public float sumUnroll2(final InputBytes counter) {
        counter.inputBytes += bytes;
        return sum2(segment, floats);
    }

    /**
     * @param counter counts input bytes
     * @return the float sum
     */
    @Benchmark
    public float sumUnroll4(final InputBytes counter) {
        counter.inputBytes += bytes;
        return sum4(segment, floats);
    }

    /**
     * @param counter counts input bytes
     * @return the float sum
     */
    @Benchmark
    public float sumUnroll8(final InputBytes counter) {
        counter.inputBytes += bytes;
        return sum8(segment, floats);
    }

    // The loops below are int-counted (C2 optimises int loops best) and read whole steps only; the
    // @Param sizes are multiples of every step.

    static float sum2(final MemorySegment s, final int floats) {
        FloatVector a0 = FloatVector.zero(FLOATS);
        FloatVector a1 = a0;
        for (int i = 0; i < floats; i += 2 * LANES) {
            final long at = (long) i * Float.BYTES;
            a0 = a0.add(FloatVector.fromMemorySegment(FLOATS, s, at, LE));
            a1 = a1.add(FloatVector.fromMemorySegment(FLOATS, s, at + VECTOR_BYTES, LE));
        }
        return a0.add(a1).reduceLanes(VectorOperators.ADD);
    }

    static float sum4(final MemorySegment s, final int floats) {
        FloatVector a0 = FloatVector.zero(FLOATS);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int i = 0; i < floats; i += 4 * LANES) {
            final long at = (long) i * Float.BYTES;
            a0 = a0.add(FloatVector.fromMemorySegment(FLOATS, s, at, LE));
            a1 = a1.add(FloatVector.fromMemorySegment(FLOATS, s, at + VECTOR_BYTES, LE));
            a2 = a2.add(FloatVector.fromMemorySegment(FLOATS, s, at + 2 * VECTOR_BYTES, LE));
            a3 = a3.add(FloatVector.fromMemorySegment(FLOATS, s, at + 3 * VECTOR_BYTES, LE));
        }
        return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
    }

    static float sum8(final MemorySegment s, final int floats) {
        FloatVector a0 = FloatVector.zero(FLOATS);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector a4 = a0;
        FloatVector a5 = a0;
        FloatVector a6 = a0;
        FloatVector a7 = a0;
        for (int i = 0; i < floats; i += 8 * LANES) {
            final long at = (long) i * Float.BYTES;
            a0 = a0.add(FloatVector.fromMemorySegment(FLOATS, s, at, LE));
            a1 = a1.add(FloatVector.fromMemorySegment(FLOATS, s, at + VECTOR_BYTES, LE));
            a2 = a2.add(FloatVector.fromMemorySegment(FLOATS, s, at + 2 * VECTOR_BYTES, LE));
            a3 = a3.add(FloatVector.fromMemorySegment(FLOATS, s, at + 3 * VECTOR_BYTES, LE));
            a4 = a4.add(FloatVector.fromMemorySegment(FLOATS, s, at + 4 * VECTOR_BYTES, LE));
            a5 = a5.add(FloatVector.fromMemorySegment(FLOATS, s, at + 5 * VECTOR_BYTES, LE));
            a6 = a6.add(FloatVector.fromMemorySegment(FLOATS, s, at + 6 * VECTOR_BYTES, LE));
            a7 = a7.add(FloatVector.fromMemorySegment(FLOATS, s, at + 7 * VECTOR_BYTES, LE));
        }
        return a0.add(a1).add(a2.add(a3)).add(a4.add(a5).add(a6.add(a7))).reduceLanes(VectorOperators.ADD);
    }
}
