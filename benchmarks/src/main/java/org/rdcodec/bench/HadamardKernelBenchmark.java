package org.rdcodec.bench;

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
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.quant.HadamardKernel;
import org.rdcodec.core.quant.PanamaHadamardKernel;
import org.rdcodec.core.quant.ScalarHadamardKernel;

/**
 * {@link HadamardKernel}: the randomized Hadamard rotation as the codecs run it (random signs, then the
 * in-place orthonormal Walsh-Hadamard transform on chunks of 2^16 floats), scalar against Vector API.
 * GB/s of floats rotated = {@code bytes * ops/s / 1e9}. Target (issue 4): &gt;= 2 GB/s per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC,
    BenchJvm.ALLOW_UNSAFE, BenchJvm.NATIVE_ACCESS})
public class HadamardKernelBenchmark extends KernelBenchmarkState {

    /** Chunk length of the codecs' rotation (HadamardRotation.MAX_CHUNK). */
    private static final int CHUNK = 1 << 16;
    private static final int KEY = 0x2545f491;

    private float[] x;
    private HadamardKernel impl;

    /** Creates the state (JMH instantiates it). */
    public HadamardKernelBenchmark() {
    }

    @Override
    protected void choose(final boolean panama) {
        impl = panama ? new PanamaHadamardKernel() : new ScalarHadamardKernel();
    }

    @Override
    protected void prepare() {
        x = new float[floats];
        for (int i = 0; i < floats; i++) {
            x[i] = in.getAtIndex(GradientBuffer.FLOAT_LE, i);
        }
    }

    /**
     * Signs and transform, in place (the values stay bounded: the transform is orthonormal).
     *
     * @param counter counts bytes rotated
     * @return the rotated data
     */
    @Benchmark
    public float[] rotate(final InputBytes counter) {
        counter.inputBytes += bytes;
        final int chunk = Math.min(CHUNK, Integer.highestOneBit(floats));
        final float scale = (float) (1 / Math.sqrt(chunk));
        for (int from = 0; from + chunk <= floats; from += chunk) {
            impl.flipSigns(x, from, chunk, KEY, from);
            impl.transform(x, from, chunk, scale);
        }
        return x;
    }
}
