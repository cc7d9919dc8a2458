package org.rdcodec.bench;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

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
import org.rdcodec.core.stats.LayerStats;
import org.rdcodec.core.stats.PanamaStatsKernel;
import org.rdcodec.core.stats.ScalarStatsKernel;
import org.rdcodec.core.stats.StatsKernel;

/**
 * {@link StatsKernel}: the scalar reference against the Vector API kernel, on the same sizes as
 * {@link StreamingReadBenchmark} so that the ratio to the read baseline can be read off one JSON file.
 * Targets (issue 2): panama &gt;= 0.7x streaming read at 64 MiB, &gt;= 3x scalar at 256 KiB.
 *
 * <p>GB/s of float input = {@code bytes * score(ops/s) / 1e9}; JMH also prints it as the
 * {@code inputBytes} secondary result (bytes/s).
 *
 * <p>Warm-up is long on purpose: until C2 compiles the Vector API loop (about 3 s into a fork on a loaded
 * 2-core machine) the kernel runs interpreted or in C1 at around 1/1000 of its speed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC,
    BenchJvm.ALLOW_UNSAFE, BenchJvm.NATIVE_ACCESS})
public class StatsKernelBenchmark {

    /** Bytes of float32 input per op. */
    @Param({BenchData.SMALL, BenchData.LARGE})
    public long bytes;

    /** {@code scalar} (reference) or {@code panama} (Vector API). */
    @Param({"scalar", "panama"})
    public String kernel;

    private GradientBuffer buffer;
    private MemorySegment segment;
    private int floats;
    private StatsKernel impl;

    /** Creates the state (JMH instantiates it). */
    public StatsKernelBenchmark() {
    }

    /** Allocates the input and picks the kernel. */
    @Setup(Level.Trial)
    public void setUp() {
        buffer = BenchData.gaussian(bytes);
        segment = buffer.segment();
        floats = buffer.length();
        impl = switch (kernel) {
            case "scalar" -> new ScalarStatsKernel();
            case "panama" -> new PanamaStatsKernel();
            default -> throw new IllegalArgumentException("kernel must be scalar or panama, got " + kernel);
        };
    }

    /** Frees the input. */
    @TearDown(Level.Trial)
    public void tearDown() {
        buffer.close();
    }

    /**
     * @param counter counts input bytes
     * @return the statistics of the whole input
     */
    @Benchmark
    public LayerStats stats(final InputBytes counter) {
        counter.inputBytes += bytes;
        return impl.stats(segment, 0, floats);
    }
}
