package org.rdcodec.bench;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rdcodec.core.quant.PanamaQsgdKernel;
import org.rdcodec.core.quant.QsgdKernel;
import org.rdcodec.core.quant.ScalarQsgdKernel;

/**
 * {@link QsgdKernel}: floats to stochastically rounded signed levels (encode, before entropy coding) and
 * back (decode), scalar against Vector API, s = 16, on the sizes of {@link StreamingReadBenchmark}. GB/s
 * of float input (encode) or output (decode) = {@code bytes * ops/s / 1e9}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC,
    BenchJvm.ALLOW_UNSAFE, BenchJvm.NATIVE_ACCESS})
public class QsgdKernelBenchmark extends KernelBenchmarkState {

    private static final int LEVELS = 16;
    /** levels / norm for a unit-variance layer of 2^16 floats: levels are small, as in real use. */
    private static final float SCALE = LEVELS / 256f;
    private static final int KEY = 0x2545f491;

    private int[] indices;
    private QsgdKernel impl;

    /** Creates the state (JMH instantiates it). */
    public QsgdKernelBenchmark() {
    }

    @Override
    protected void choose(final boolean panama) {
        impl = panama ? new PanamaQsgdKernel() : new ScalarQsgdKernel();
    }

    @Override
    protected void prepare() {
        indices = new int[floats];
        impl.quantize(in, 0, floats, SCALE, LEVELS, KEY, indices);
    }

    /**
     * @param counter counts input bytes
     * @return the levels
     */
    @Benchmark
    public int[] encode(final InputBytes counter) {
        counter.inputBytes += bytes;
        impl.quantize(in, 0, floats, SCALE, LEVELS, KEY, indices);
        return indices;
    }

    /**
     * @param counter counts bytes of floats produced
     * @return the output segment
     */
    @Benchmark
    public MemorySegment decode(final InputBytes counter) {
        counter.inputBytes += bytes;
        impl.reconstruct(indices, floats, 1f / SCALE, out, 0);
        return out;
    }
}
