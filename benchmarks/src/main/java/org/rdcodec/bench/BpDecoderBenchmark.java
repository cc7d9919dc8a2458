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
import org.rdcodec.sw.bp.BeliefPropagation;
import org.rdcodec.sw.bp.FloodingDecoder;
import org.rdcodec.sw.bp.FixedPointCheckRule;
import org.rdcodec.sw.bp.LayeredFixedPointMinSumDecoder;
import org.rdcodec.sw.bp.LayeredMinSumDecoder;
import org.rdcodec.sw.bp.LayeredSumProductDecoder;
import org.rdcodec.sw.ldpc.CodeCache;
import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.SyndromeEncoder;

/**
 * Belief-propagation decoding at n = 65536, exactly {@value #ITERATIONS} iterations (the side information is
 * too noisy for the syndrome to be met early: p is chosen so that rate/h(p) = 0.9, below any code's threshold,
 * which keeps every call at the full iteration count). Source bits per second at 20 iterations =
 * n / (time per operation). A streaming-read baseline walks the same edge arrays once per iteration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC, BenchJvm.ALLOW_UNSAFE,
    BenchJvm.NATIVE_ACCESS})
@State(Scope.Thread)
public class BpDecoderBenchmark {

    /** Fixed iteration count of every decode. */
    public static final int ITERATIONS = 20;

    /** Source block length. */
    @Param({"65536"})
    public int n;

    /** Syndrome rate m / n. */
    @Param({"0.1", "0.5", "0.85"})
    public double rate;

    /** Engine: layered-min-sum, the 16-bit twins (normalized and corrected), flooding-min-sum, layered-sum-product. */
    @Param({"layered-min-sum", "layered-min-sum-fixed16", "layered-corrected-min-sum-fixed16", "flooding-min-sum",
        "layered-sum-product"})
    public String engine;

    private BeliefPropagation bp;
    private LadderCode code;
    private float[] llr;
    private long[] syndrome;
    private long[] out;

    /** Builds the code, a source, side information at 0.9 x the code's rate in entropy, and the syndrome. */
    @Setup(Level.Trial)
    public void setUp() {
        code = CodeCache.get(n, (int) Math.ceil(rate * n), 7);
        bp = switch (engine) {
            case "layered-min-sum" -> new LayeredMinSumDecoder();
            case "layered-min-sum-fixed16" -> new LayeredFixedPointMinSumDecoder(FixedPointCheckRule.NORMALIZED_MIN_SUM);
            case "layered-corrected-min-sum-fixed16" ->
                new LayeredFixedPointMinSumDecoder(FixedPointCheckRule.CORRECTED_MIN_SUM);
            case "flooding-min-sum" -> new FloodingDecoder(FloodingDecoder.Rule.MIN_SUM);
            case "layered-sum-product" -> new LayeredSumProductDecoder();
            default -> throw new IllegalArgumentException(engine);
        };
        final double p = BscBlocks.crossoverFor(rate / 0.9);
        llr = new float[n];
        final long[] source = BscBlocks.sourceWithSideInformation(n, p, new SplittableRandom(3), llr);
        syndrome = SyndromeEncoder.syndrome(code.base(), source);
        out = new long[source.length];
    }

    /** @return -1 (did not converge) after exactly {@value #ITERATIONS} iterations */
    @Benchmark
    public int decode() {
        return bp.decode(code.base(), llr, syndrome, ITERATIONS, out);
    }

    /** @return a checksum of one read of the row arrays per iteration: the memory floor of a decoder pass */
    @Benchmark
    public float streamEdges() {
        final int[] rv = code.base().rowVars();
        float s = 0;
        for (int it = 0; it < ITERATIONS; it++) {
            for (final int v : rv) {
                s += llr[v];
            }
        }
        return s;
    }
}
