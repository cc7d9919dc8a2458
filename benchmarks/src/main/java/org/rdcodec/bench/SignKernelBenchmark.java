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
import org.rdcodec.core.quant.PanamaSignKernel;
import org.rdcodec.core.quant.ScalarSignKernel;
import org.rdcodec.core.quant.SignKernel;

/**
 * {@link SignKernel}: packing signs (encode) and unpacking them to +-scale (decode), scalar against
 * Vector API, on the sizes of {@link StreamingReadBenchmark}. GB/s of float input (encode) or output
 * (decode) = {@code bytes * ops/s / 1e9}. Target (issue 3): encode &gt;= 0.6x streaming read at 64 MiB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC,
    BenchJvm.ALLOW_UNSAFE, BenchJvm.NATIVE_ACCESS})
public class SignKernelBenchmark extends KernelBenchmarkState {

    private long[] words;
    private SignKernel impl;

    /** Creates the state (JMH instantiates it). */
    public SignKernelBenchmark() {
    }

    @Override
    protected void choose(final boolean panama) {
        impl = panama ? new PanamaSignKernel() : new ScalarSignKernel();
    }

    @Override
    protected void prepare() {
        words = new long[(floats + 63) / 64];
        impl.pack(in, 0, floats, words);
    }

    /**
     * @param counter counts input bytes
     * @return the packed words
     */
    @Benchmark
    public long[] encode(final InputBytes counter) {
        counter.inputBytes += bytes;
        impl.pack(in, 0, floats, words);
        return words;
    }

    /**
     * @param counter counts bytes of floats produced
     * @return the output segment
     */
    @Benchmark
    public MemorySegment decode(final InputBytes counter) {
        counter.inputBytes += bytes;
        impl.unpack(words, floats, 0.8f, out, 0);
        return out;
    }
}
