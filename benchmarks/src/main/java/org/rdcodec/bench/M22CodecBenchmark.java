package org.rdcodec.bench;

import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Codecs;
import org.rdcodec.core.quant.LloydMaxKernel;
import org.rdcodec.core.quant.M22Table;
import org.rdcodec.core.quant.PanamaLloydMaxKernel;
import org.rdcodec.core.quant.ScalarLloydMaxKernel;
import org.rdcodec.core.quant.WorkerEncoder;
import org.rdcodec.core.stats.FitMomentsKernel;
import org.rdcodec.core.stats.MagnitudeFamily;
import org.rdcodec.core.stats.MagnitudeFit;
import org.rdcodec.core.stats.PanamaFitMomentsKernel;
import org.rdcodec.core.stats.ScalarFitMomentsKernel;

/**
 * M22 per layer on the sizes of {@link StreamingReadBenchmark} (N(0, 1) floats): {@code fit} (pseudo-random
 * sample of at most {@code fitsamples} values and the maximum-likelihood fit, with the provider's kernels),
 * {@code fitMoments} (one of the fit's 7 to 11 S0/S1 passes over the sample's centred logs: {@code kernel}
 * picks the scalar reference or the Vector API implementation; its counter counts the 8 bytes of each log, so
 * GB/s here is of doubles read, not of layer floats),
 * {@code quantize} (the decision loop with the fitted table's thresholds: {@code kernel} picks the scalar
 * reference or the Vector API implementation) and {@code encode} (the whole codec: statistics, fit, table
 * from the cache, decision loop, rANS, frame and CRC; the provider's kernels, so the same for both values of
 * {@code kernel}). GB/s of float input = {@code bytes * ops/s / 1e9}; target for {@code encode}: 0.5 GB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC,
    BenchJvm.ALLOW_UNSAFE, BenchJvm.NATIVE_ACCESS})
public class M22CodecBenchmark extends KernelBenchmarkState {

    /** Fit family of the spec. */
    @Param({"gennorm", "weibull"})
    public String family;

    private static final int BITS = 2;
    private static final double M = 1;
    private static final int FIT_SAMPLES = 1 << 16;

    private LloydMaxKernel impl;
    private FitMomentsKernel moments;
    private double[] logs;
    private final double[] sums = new double[2];
    private float[] thresholds;
    private float inv;
    private int[] indices;
    private float[] sample;
    private WorkerEncoder encoder;
    private UnsafeBuffer frame;
    private GradientBuffer view;

    /** Creates the state (JMH instantiates it). */
    public M22CodecBenchmark() {
    }

    @Override
    protected void choose(final boolean panama) {
        impl = panama ? new PanamaLloydMaxKernel() : new ScalarLloydMaxKernel();
        moments = panama ? new PanamaFitMomentsKernel() : new ScalarFitMomentsKernel();
    }

    @Override
    protected void prepare() {
        final MagnitudeFamily f = MagnitudeFamily.bySpecName(family);
        sample = new float[Math.min(floats, FIT_SAMPLES)];
        final int n = MagnitudeFit.sample(in, 0, floats, FIT_SAMPLES, sample);
        final MagnitudeFit fit = MagnitudeFit.fit(f, sample, n);
        final double[] t = M22Table.of(f, M22Table.indexOf(fit.shape()), M, BITS).thresholds();
        thresholds = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            thresholds[i] = (float) t[i];
        }
        inv = (float) (1 / fit.scale());
        logs = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            logs[i] = Math.log(Math.abs(sample[i]));
            mean += logs[i] / n;
        }
        for (int i = 0; i < n; i++) {
            logs[i] -= mean;
        }
        indices = new int[floats];
        // the codec takes a GradientBuffer: a second copy of the same Gaussian data
        view = BenchData.gaussian(bytes);
        encoder = Codecs.create("m22:family=" + family + ",m=" + M + ",bits=" + BITS + ",fitsamples=" + FIT_SAMPLES)
                .newEncoder(GradientLayout.ofSizes(floats), 0, 1);
        frame = new UnsafeBuffer(java.nio.ByteBuffer.allocateDirect(encoder.maxFrameBytes()));
    }

    /** Closes the encoder and frees its input. */
    @TearDown(Level.Trial)
    public void closeEncoder() {
        encoder.close();
        view.close();
    }

    /**
     * @param counter counts input bytes
     * @return the fit
     */
    @Benchmark
    public MagnitudeFit fit(final InputBytes counter) {
        counter.inputBytes += bytes;
        final int n = MagnitudeFit.sample(in, 0, floats, FIT_SAMPLES, sample);
        return MagnitudeFit.fit(MagnitudeFamily.bySpecName(family), sample, n);
    }

    /**
     * @param counter counts the bytes of the logs read
     * @return S0 (the sums are in a field)
     */
    @Benchmark
    public double fitMoments(final InputBytes counter) {
        counter.inputBytes += 8L * logs.length;
        moments.moments(logs, logs.length, 2.0, sums);
        return sums[0];
    }

    /**
     * @param counter counts input bytes
     * @return the level indices
     */
    @Benchmark
    public int[] quantize(final InputBytes counter) {
        counter.inputBytes += bytes;
        impl.quantize(in, 0, floats, 0f, inv, thresholds, indices);
        return indices;
    }

    /**
     * @param counter counts input bytes
     * @return the frame length
     */
    @Benchmark
    public int encode(final InputBytes counter) {
        counter.inputBytes += bytes;
        return encoder.encode(view, 0, frame, 0, frame.capacity());
    }
}
