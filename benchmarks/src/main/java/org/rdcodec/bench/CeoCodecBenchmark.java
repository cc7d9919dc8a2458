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
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.sw.ceo.CeoAggregator;
import org.rdcodec.sw.ceo.CeoPlan;
import org.rdcodec.sw.ceo.CeoRoundResult;
import org.rdcodec.sw.ceo.CeoSpec;

/**
 * The CEO codec at P = 2^20, K = 10, sx2 = 10, sn2 = 1, rho = 1, 65536-bit LDPC blocks, after two rounds
 * (bootstrap + one planned) so that the statistics exist and every LDPC code is built and cached:
 * {@code workerEncode} is one worker's frame (divide 4 MB of float input by the time for GB/s; the worker
 * benchmarked is the last in the decoding order, a bit-plane worker), {@code serverDecode} is the server's
 * decoding and combination of all K frames (the target: at most 2 s per core).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC, BenchJvm.ALLOW_UNSAFE,
    BenchJvm.NATIVE_ACCESS, "-Xmx4g"})
@State(Scope.Thread)
public class CeoCodecBenchmark {

    /** Workers. */
    public static final int K = 10;

    /** Coordinates. */
    @Param({"1048576"})
    public int p;

    /** The bit-plane workers' quantizer ({@code quantizer=scalar} or {@code e8}). */
    @Param({"scalar", "e8"})
    public String quantizer;

    private CeoAggregator aggregator;
    private CeoPlan plan;
    private float[][] y;
    private byte[][] frames;
    private int worker;

    /** Two rounds to warm statistics and codes, then the third round's plan and frames. */
    @Setup(Level.Trial)
    public void setUp() {
        aggregator = new CeoAggregator(GradientLayout.uniform(p, 1), K, 1, CeoSpec.parse("ceo:rho=1,quantizer=" + quantizer));
        for (int t = 0; t < 3; t++) {
            y = draw(p, t);
            plan = aggregator.plan(t);
            frames = aggregator.encode(plan, y);
            if (t < 2) {
                aggregator.decode(plan, frames);
            }
        }
        worker = plan.order()[0][plan.order()[0].length - 1];
    }

    private static float[][] draw(final int p, final long round) {
        final SplittableRandom rng = new SplittableRandom(17 + round);
        final float[][] out = new float[K][p];
        for (int i = 0; i < p; i++) {
            final double x = Math.sqrt(10) * rng.nextGaussian();
            for (int k = 0; k < K; k++) {
                out[k][i] = (float) (x + rng.nextGaussian());
            }
        }
        return out;
    }

    /** @return one bit-plane worker's frame */
    @Benchmark
    public byte[] workerEncode() {
        return aggregator.encodeWorker(plan, worker, y[worker]);
    }

    /** @return the server's result for all K frames (the statistics update included) */
    @Benchmark
    public CeoRoundResult serverDecode() {
        return aggregator.decode(plan, frames);
    }
}
