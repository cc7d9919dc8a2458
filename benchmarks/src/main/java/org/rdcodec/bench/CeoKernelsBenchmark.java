package org.rdcodec.bench;

import java.lang.foreign.ValueLayout;
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
import org.rdcodec.core.quant.Dither;
import org.rdcodec.sw.ceo.BitPlaneModel;
import org.rdcodec.sw.ceo.CeoQuantizerKernel;
import org.rdcodec.sw.ceo.PanamaCeoQuantizerKernel;
import org.rdcodec.sw.ceo.PanamaPlaneBitsKernel;
import org.rdcodec.sw.ceo.PanamaPlaneEntropyKernel;
import org.rdcodec.sw.ceo.PanamaPlaneLlrKernel;
import org.rdcodec.sw.ceo.PlaneBitsKernel;
import org.rdcodec.sw.ceo.PlaneEdges;
import org.rdcodec.sw.ceo.PlaneEntropyKernel;
import org.rdcodec.sw.ceo.PlaneLlrKernel;
import org.rdcodec.sw.ceo.ScalarCeoQuantizerKernel;
import org.rdcodec.sw.ceo.ScalarPlaneBitsKernel;
import org.rdcodec.sw.ceo.ScalarPlaneEntropyKernel;
import org.rdcodec.sw.ceo.ScalarPlaneLlrKernel;

/**
 * The CEO codec's kernels, scalar against Vector API, on the sizes of {@link StreamingReadBenchmark}:
 * {@link CeoQuantizerKernel} (dithered quantization with the index range; {@code quantizeWithHashes} also writes
 * each coordinate's dither hash, as the worker does), {@link PlaneBitsKernel} (one bit-plane of the offset
 * indices into packed words), {@link PlaneLlrKernel} (one plane's LLRs, the server's per-coordinate work and the
 * worker's rate estimate) and {@link PlaneEntropyKernel} (the plane's conditional-entropy sum over its LLRs).
 * GB/s = {@code bytes * ops/s / 1e9}, bytes of float input (plane bits: of the int indices, the same count of
 * 4-byte values; LLRs and entropy: 4 bytes per coordinate, on at most {@link #LLR_COORDINATES} coordinates, the
 * server's layer at P = 2^20, since the LLR chain keeps 13 doubles of state per coordinate). The worker works on
 * heap arrays, so the Gaussian input is copied to a {@code float[]} once per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC,
    BenchJvm.ALLOW_UNSAFE, BenchJvm.NATIVE_ACCESS})
public class CeoKernelsBenchmark extends KernelBenchmarkState {

    /** The step in units of the input's standard deviation (1): about 2.6 bits of index entropy. */
    private static final float STEP = 0.5f;
    /** Any dither stream. */
    private static final int KEY = 0x5eed;
    /** The worker's bound on |y / step + u|. */
    private static final double MAX_ABS = 1 << 30;

    private float[] y;
    private int[] q;
    private int[] hashes;
    private int[] offsetIndices;
    private long[] words;
    private CeoQuantizerKernel quantizer;
    private PlaneBitsKernel planeBits;
    private PlaneLlrKernel llrKernel;
    private PlaneEntropyKernel entropyKernel;

    /** Most coordinates of the LLR and entropy benchmarks. */
    static final int LLR_COORDINATES = 1 << 20;
    /** The side information's standard deviation, in units of the input's (a later worker's, about). */
    private static final double SIDE_SD = 0.3;
    private int llrCount;
    private BitPlaneModel model;
    private float[] dither;
    private double[] mu;
    private float[] llr;
    private final PlaneEdges lo = new PlaneEdges();
    private final PlaneEdges mid = new PlaneEdges();
    private final PlaneEdges hi = new PlaneEdges();

    /** Creates the state (JMH instantiates it). */
    public CeoKernelsBenchmark() {
    }

    @Override
    protected void choose(final boolean panama) {
        quantizer = panama ? new PanamaCeoQuantizerKernel() : new ScalarCeoQuantizerKernel();
        planeBits = panama ? new PanamaPlaneBitsKernel() : new ScalarPlaneBitsKernel();
        llrKernel = panama ? new PanamaPlaneLlrKernel() : new ScalarPlaneLlrKernel();
        entropyKernel = panama ? new PanamaPlaneEntropyKernel() : new ScalarPlaneEntropyKernel();
    }

    @Override
    protected void prepare() {
        y = in.toArray(ValueLayout.JAVA_FLOAT);
        q = new int[floats];
        hashes = new int[floats];
        offsetIndices = new int[floats];
        words = new long[(floats + 63) / 64];
        final long range = quantizer.quantize(y, 0, floats, STEP, KEY, MAX_ABS, q);
        if (range < 0) {
            throw new IllegalStateException("benchmark input out of the quantizer's range at " + (-1 - range));
        }
        final int min = CeoQuantizerKernel.min(range);
        for (int i = 0; i < floats; i++) {
            offsetIndices[i] = q[i] - min;
        }
        final int max = CeoQuantizerKernel.max(range);
        llrCount = Math.min(floats, LLR_COORDINATES);
        model = new BitPlaneModel(Math.max(2, 32 - Integer.numberOfLeadingZeros(max - min)), min);
        dither = new float[llrCount];
        mu = new double[llrCount];
        llr = new float[llrCount];
        final java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int i = 0; i < llrCount; i++) {
            dither[i] = Dither.centred(KEY, i);
            mu[i] = y[i] + SIDE_SD * rng.nextGaussian();
        }
        lo.lowerEnd(llrCount);
        hi.upperEnd(llrCount);
        // the top plane's LLRs as the entropy benchmark's input
        llrKernel.llrs(model, model.planes() - 1, offsetIndices, dither, STEP, mu, SIDE_SD, llrCount, lo, mid, hi, llr);
    }

    /**
     * @param counter counts input bytes
     * @return the index range
     */
    @Benchmark
    public long quantize(final InputBytes counter) {
        counter.inputBytes += bytes;
        return quantizer.quantize(y, 0, floats, STEP, KEY, MAX_ABS, q);
    }

    /**
     * @param counter counts input bytes
     * @return the index range
     */
    @Benchmark
    public long quantizeWithHashes(final InputBytes counter) {
        counter.inputBytes += bytes;
        return quantizer.quantize(y, 0, floats, STEP, KEY, MAX_ABS, q, hashes);
    }

    /**
     * @param counter counts bytes of indices read
     * @return the packed plane
     */
    @Benchmark
    public long[] planeBits(final InputBytes counter) {
        counter.inputBytes += bytes;
        planeBits.extract(offsetIndices, 0, floats, 1, words);
        return words;
    }

    /**
     * The second plane from the top over the whole index range (every coordinate: one Gaussian tail, one log).
     *
     * @param counter counts 4 bytes per coordinate
     * @return the LLRs
     */
    @Benchmark
    public float[] planeLlrs(final InputBytes counter) {
        counter.inputBytes += 4L * llrCount;
        llrKernel.llrs(model, model.planes() - 2, offsetIndices, dither, STEP, mu, SIDE_SD, llrCount, lo, mid, hi, llr);
        return llr;
    }

    /**
     * @param counter counts 4 bytes per LLR
     * @return the conditional-entropy sum (nats)
     */
    @Benchmark
    public double planeEntropy(final InputBytes counter) {
        counter.inputBytes += 4L * llrCount;
        return entropyKernel.entropyNats(llr, llrCount);
    }
}
