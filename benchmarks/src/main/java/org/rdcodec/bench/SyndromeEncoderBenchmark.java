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
import org.rdcodec.sw.ldpc.CodeCache;
import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.SyndromeEncoder;

/**
 * Slepian-Wolf syndrome encoding at n = 65536: the column-wise encoder ({@link SyndromeEncoder#syndrome}),
 * the full ladder encoding (syndrome + accumulate + reorder), the row-wise scalar reference, and a
 * streaming-read baseline over the same index array the encoder walks, and the bit-sliced batch encoder on {@value SyndromeEncoder#BATCH} blocks. Source bits per second =
 * n / (time per operation), 64 n for {@link #batch64}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC, BenchJvm.ALLOW_UNSAFE,
    BenchJvm.NATIVE_ACCESS})
@State(Scope.Thread)
public class SyndromeEncoderBenchmark {

    /** Source block length. */
    @Param({"65536"})
    public int n;

    /** Syndrome rate m / n. */
    @Param({"0.1", "0.5", "0.85"})
    public double rate;

    private LadderCode code;
    private long[] source;
    private long[][] sources;

    /** Builds the code (cached) and a uniform random source. */
    @Setup(Level.Trial)
    public void setUp() {
        code = CodeCache.get(n, (int) Math.ceil(rate * n), 7);
        final SplittableRandom rnd = new SplittableRandom(1);
        source = new long[(n + 63) >>> 6];
        for (int i = 0; i < source.length; i++) {
            source[i] = rnd.nextLong();
        }
        sources = new long[SyndromeEncoder.BATCH][source.length];
        for (final long[] b : sources) {
            for (int i = 0; i < b.length; i++) {
                b[i] = rnd.nextLong();
            }
            b[b.length - 1] &= (n & 63) == 0 ? -1L : (1L << (n & 63)) - 1;
        }
        source[source.length - 1] &= (n & 63) == 0 ? -1L : (1L << (n & 63)) - 1;
    }

    /** @return all ladder bits of 64 blocks, bit-sliced */
    @Benchmark
    public long[][] batch64() {
        return SyndromeEncoder.encodeBatch(code, sources);
    }

    /** @return the syndrome, column-wise (the fast path) */
    @Benchmark
    public long[] syndrome() {
        return SyndromeEncoder.syndrome(code.base(), source);
    }

    /** @return all ladder bits (syndrome, accumulate, reorder) */
    @Benchmark
    public long[] ladder() {
        return SyndromeEncoder.encode(code, source);
    }

    /** @return the syndrome, row-wise scalar reference (one gather per edge) */
    @Benchmark
    public long[] rowReference() {
        return code.base().syndromeReference(source);
    }

    /** @return sum over the column index array: the bandwidth floor of reading the code once */
    @Benchmark
    public long streamIndices() {
        final int[] cc = code.base().colChecks();
        long s = 0;
        for (final int c : cc) {
            s += c;
        }
        return s;
    }
}
