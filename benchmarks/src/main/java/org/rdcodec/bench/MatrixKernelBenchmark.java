package org.rdcodec.bench;

import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;
import org.rdcodec.train.MatrixKernel;
import org.rdcodec.train.PanamaMatrixKernel;
import org.rdcodec.train.ScalarMatrixKernel;

/**
 * {@link MatrixKernel} (the MLP's dot and axpy), scalar against Vector API, with a streaming read of the same
 * float arrays as the bandwidth baseline. Sizes: 128 and 784 (the MLP's row lengths) and 1 Mi floats (4 MiB,
 * out of L2). GB/s = {@code bytes * ops/s / 1e9} with bytes = 2 arrays x 4 n (dot, axpy reads) .
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC,
    BenchJvm.ALLOW_UNSAFE, BenchJvm.NATIVE_ACCESS})
public class MatrixKernelBenchmark {

    /** Floats per vector. */
    @Param({"128", "784", "1048576"})
    public int n;

    /** {@code scalar} or {@code panama}. */
    @Param({"scalar", "panama"})
    public String impl;

    private float[] a;
    private float[] b;
    /** Four vectors of n floats back to back (the sources of axpy4, the second operands of dot2). */
    private float[] x4;
    private final float[] out = new float[2];
    private MatrixKernel kernel;

    /** Creates the state (JMH instantiates it). */
    public MatrixKernelBenchmark() {
    }

    /** Fills the inputs and picks the implementation. */
    @Setup(Level.Trial)
    public void setUp() {
        final SplittableRandom r = new SplittableRandom(1);
        a = new float[n];
        b = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextDouble(-1, 1);
            b[i] = (float) r.nextDouble(-1, 1);
        }
        x4 = new float[4 * n];
        for (int i = 0; i < 4 * n; i++) {
            x4[i] = (float) r.nextDouble(-1, 1);
        }
        kernel = "panama".equals(impl) ? new PanamaMatrixKernel() : new ScalarMatrixKernel();
    }

    /** @return the dot product */
    @Benchmark
    public float dot() {
        return kernel.dot(a, 0, b, 0, n);
    }

    /** @return the updated array (tiny alpha keeps the values bounded over millions of calls) */
    @Benchmark
    public float[] axpy() {
        kernel.axpy(1e-9f, a, 0, b, 0, n);
        return b;
    }

    /** @return two dot products sharing {@code a} (compare with twice {@link #dot}'s time) */
    @Benchmark
    public float[] dot2() {
        kernel.dot2(a, 0, x4, 0, n, n, out, 0, 1);
        return out;
    }

    /** @return the updated array after four axpys in one pass (compare with four times {@link #axpy}'s time) */
    @Benchmark
    public float[] axpy4() {
        kernel.axpy4(1e-9f, -1e-9f, 2e-9f, -2e-9f, x4, 0, n, 2 * n, 3 * n, b, 0, n);
        return b;
    }

    /** @return a sum over both arrays with 8 independent accumulators: the streaming-read baseline of the same bytes */
    @Benchmark
    public float streamingRead() {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += b[i];
            s5 += b[i + 1];
            s6 += b[i + 2];
            s7 += b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] + b[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
