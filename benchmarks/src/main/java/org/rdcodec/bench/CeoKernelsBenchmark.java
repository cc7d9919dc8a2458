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
import org.rdcodec.sw.ceo.CeoQuantizerKernel;
import org.rdcodec.sw.ceo.PanamaCeoQuantizerKernel;
import org.rdcodec.sw.ceo.PanamaPlaneBitsKernel;
import org.rdcodec.sw.ceo.PlaneBitsKernel;
import org.rdcodec.sw.ceo.ScalarCeoQuantizerKernel;
import org.rdcodec.sw.ceo.ScalarPlaneBitsKernel;

/**
 * The CEO worker's two kernels, scalar against Vector API, on the sizes of {@link StreamingReadBenchmark}:
 * {@link CeoQuantizerKernel} (dithered quantization with the index range; {@code quantizeWithHashes} also writes
 * each coordinate's dither hash, as the worker does) and {@link PlaneBitsKernel} (one bit-plane of the offset
 * indices into packed words). GB/s = {@code bytes * ops/s / 1e9}, bytes of float input (plane bits: of the int
 * indices, the same count of 4-byte values). The worker works on heap arrays, so the Gaussian input is copied
 * to a {@code float[]} once per trial.
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

    /** Creates the state (JMH instantiates it). */
    public CeoKernelsBenchmark() {
    }

    @Override
    protected void choose(final boolean panama) {
        quantizer = panama ? new PanamaCeoQuantizerKernel() : new ScalarCeoQuantizerKernel();
        planeBits = panama ? new PanamaPlaneBitsKernel() : new ScalarPlaneBitsKernel();
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
}
