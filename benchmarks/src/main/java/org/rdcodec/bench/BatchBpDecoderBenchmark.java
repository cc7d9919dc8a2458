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
import org.rdcodec.sw.bp.BatchFixedPointMinSumDecoder;
import org.rdcodec.sw.bp.BatchLayeredMinSumDecoder;
import org.rdcodec.sw.bp.FixedPointCheckRule;
import org.rdcodec.sw.bp.LayeredMinSumDecoder;
import org.rdcodec.sw.ldpc.CodeCache;
import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.SyndromeEncoder;

/**
 * Layered min-sum at n = 65536, exactly {@value #ITERATIONS} iterations, on {@link BatchLayeredMinSumDecoder#lanes()}
 * blocks: the Vector API batch decoder against the scalar decoder run on the same blocks one after another.
 * Both decode the same number of source bits per operation (lanes x n); side information at 0.9 x the code's
 * rate in entropy keeps every block at the full iteration count. {@link #fixedPointBatch} runs the 16-bit batch
 * decoder with its default check rule (corrected min-sum) on {@link BatchFixedPointMinSumDecoder#lanes()} blocks
 * (32 with AVX-512, twice the float lanes), {@link #fixedPointBatchMinSum} the same with normalized min-sum:
 * their source bits per operation are fixedLanes x n.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// 5 warm-up iterations: on the loaded 2-core machine a 1 s smoke run went 4234 (first call, Vector API still
// interpreted) -> 239 -> 204 -> 207 -> 119 ms per batch, so 2 x 2 s did not reach steady state
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC, BenchJvm.ALLOW_UNSAFE,
    BenchJvm.NATIVE_ACCESS})
@State(Scope.Thread)
public class BatchBpDecoderBenchmark {

    /** Fixed iteration count. */
    public static final int ITERATIONS = 20;

    /** Source block length. */
    @Param({"65536"})
    public int n;

    /** Syndrome rate m / n. */
    @Param({"0.1", "0.5", "0.85"})
    public double rate;

    private LadderCode code;
    private float[][] llr;
    private long[][] syndromes;
    private long[][] out;
    private float[][] fixedLlr;
    private long[][] fixedSyndromes;
    private long[][] fixedOut;
    private final BatchLayeredMinSumDecoder batch = new BatchLayeredMinSumDecoder();
    private final BatchFixedPointMinSumDecoder fixedBatch = new BatchFixedPointMinSumDecoder();
    private final BatchFixedPointMinSumDecoder fixedBatchMinSum =
            new BatchFixedPointMinSumDecoder(FixedPointCheckRule.NORMALIZED_MIN_SUM);
    private final LayeredMinSumDecoder scalar = new LayeredMinSumDecoder();

    /** Builds the code and one batch of blocks. */
    @Setup(Level.Trial)
    public void setUp() {
        final int lanes = BatchLayeredMinSumDecoder.lanes();
        code = CodeCache.get(n, (int) Math.ceil(rate * n), 7);
        final double p = BscBlocks.crossoverFor(rate / 0.9);
        final SplittableRandom rnd = new SplittableRandom(5);
        llr = new float[lanes][n];
        syndromes = new long[lanes][];
        out = new long[lanes][(n + 63) >>> 6];
        for (int j = 0; j < lanes; j++) {
            final long[] x = BscBlocks.sourceWithSideInformation(n, p, rnd, llr[j]);
            syndromes[j] = SyndromeEncoder.syndrome(code.base(), x);
        }
        final int fixedLanes = BatchFixedPointMinSumDecoder.lanes();
        fixedLlr = new float[fixedLanes][n];
        fixedSyndromes = new long[fixedLanes][];
        fixedOut = new long[fixedLanes][(n + 63) >>> 6];
        for (int j = 0; j < fixedLanes; j++) {
            final long[] x = BscBlocks.sourceWithSideInformation(n, p, rnd, fixedLlr[j]);
            fixedSyndromes[j] = SyndromeEncoder.syndrome(code.base(), x);
        }
    }

    /** @return per-block results of the 16-bit batch decoder (default rule) on its own lane count of blocks */
    @Benchmark
    public int[] fixedPointBatch() {
        return fixedBatch.decode(code.base(), fixedLlr, fixedSyndromes, ITERATIONS, fixedOut);
    }

    /** @return per-block results of the 16-bit batch decoder with normalized min-sum, same blocks */
    @Benchmark
    public int[] fixedPointBatchMinSum() {
        return fixedBatchMinSum.decode(code.base(), fixedLlr, fixedSyndromes, ITERATIONS, fixedOut);
    }

    /** @return per-block results of the vector batch decoder */
    @Benchmark
    public int[] vectorBatch() {
        return batch.decode(code.base(), llr, syndromes, ITERATIONS, out);
    }

    /** @return the scalar decoder over the same blocks */
    @Benchmark
    public int scalarSequential() {
        int s = 0;
        for (int j = 0; j < llr.length; j++) {
            s += scalar.decode(code.base(), llr[j], syndromes[j], ITERATIONS, out[j]);
        }
        return s;
    }
}
