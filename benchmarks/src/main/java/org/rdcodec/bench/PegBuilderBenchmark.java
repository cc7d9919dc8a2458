package org.rdcodec.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rdcodec.sw.ldpc.ParityCheckMatrix;
import org.rdcodec.sw.ldpc.PegBuilder;

/**
 * Progressive Edge Growth construction of one parity-check matrix at n = 65536 (what a code-cache miss costs),
 * at the syndrome rates of BSC(0.01), BSC(0.05) and BSC(0.11) side information. Single-shot: each call builds a
 * whole code (seconds), so few iterations suffice.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC, BenchJvm.ALLOW_UNSAFE,
    BenchJvm.NATIVE_ACCESS})
@State(Scope.Thread)
public class PegBuilderBenchmark {

    /** Block length. */
    @Param({"65536"})
    public int n;

    /** Syndrome rate m / n. */
    @Param({"0.1", "0.34", "0.5"})
    public double rate;

    /** @return a freshly built matrix (code seed 7) */
    @Benchmark
    public ParityCheckMatrix build() {
        return PegBuilder.build(n, (int) Math.ceil(rate * n), 7);
    }
}
