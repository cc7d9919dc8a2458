package org.rdcodec.bench;

import java.lang.foreign.MemorySegment;
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
import org.rdcodec.core.quant.DitheredQuantizerKernel;
import org.rdcodec.core.quant.PanamaDitheredQuantizerKernel;
import org.rdcodec.core.quant.ScalarDitheredQuantizerKernel;

/**
 * {@link DitheredQuantizerKernel}: floats to dithered indices (encode, before entropy coding) and indices
 * back to floats (decode), scalar against Vector API, on the sizes of {@link StreamingReadBenchmark}. The
 * dither is generated on the fly from the counter-based hash, as in the codec. GB/s of float input
 * (encode) or output (decode) = {@code bytes * ops/s / 1e9}. Target (issue 3): encode &gt;= 0.4x streaming
 * read at 64 MiB, &gt;= 3x scalar in cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC,
    BenchJvm.ALLOW_UNSAFE, BenchJvm.NATIVE_ACCESS})
public class DitheredQuantizerKernelBenchmark extends KernelBenchmarkState {

    /** A step of a quarter of the input's standard deviation: indices in about [-20, 20]. */
    private static final float STEP = 0.25f;
    private static final int KEY = 0x2545f491;

    /** Bits per dither bin of {@link #encodeWithBins}: 16 bins, the dithered codec's split on large layers. */
    private static final int BIN_BITS = 4;

    private int[] indices;
    private byte[] bins;
    private DitheredQuantizerKernel impl;

    /** Creates the state (JMH instantiates it). */
    public DitheredQuantizerKernelBenchmark() {
    }

    @Override
    protected void choose(final boolean panama) {
        impl = panama ? new PanamaDitheredQuantizerKernel() : new ScalarDitheredQuantizerKernel();
    }

    @Override
    protected void prepare() {
        indices = new int[floats];
        bins = new byte[floats];
        impl.quantize(in, 0, floats, 1f / STEP, KEY, indices);
    }

    /**
     * @param counter counts input bytes
     * @return the indices
     */
    @Benchmark
    public int[] encode(final InputBytes counter) {
        counter.inputBytes += bytes;
        impl.quantize(in, 0, floats, 1f / STEP, KEY, indices);
        return indices;
    }

    /**
     * The codec's encode pass: indices and each coordinate's dither bin (its context) from one hash.
     *
     * @param counter counts input bytes
     * @return the bins
     */
    @Benchmark
    public byte[] encodeWithBins(final InputBytes counter) {
        counter.inputBytes += bytes;
        impl.quantize(in, 0, floats, 1f / STEP, KEY, indices, BIN_BITS, bins);
        return bins;
    }

    /**
     * The decoder's side of the context split: dither bins alone.
     *
     * @param counter counts coordinates x 4 bytes (as if floats), comparable with the other methods
     * @return the bins
     */
    @Benchmark
    public byte[] bins(final InputBytes counter) {
        counter.inputBytes += bytes;
        impl.bins(floats, KEY, BIN_BITS, bins);
        return bins;
    }

    /**
     * @param counter counts bytes of floats produced
     * @return the output segment
     */
    @Benchmark
    public MemorySegment decode(final InputBytes counter) {
        counter.inputBytes += bytes;
        impl.reconstruct(indices, floats, STEP, KEY, out, 0);
        return out;
    }
}
