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
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.quant.Lattice;
import org.rdcodec.core.quant.LatticeKernel;
import org.rdcodec.core.quant.PanamaLatticeKernel;
import org.rdcodec.core.quant.ScalarLatticeKernel;

/**
 * {@link LatticeKernel}: dithered lattice quantization (dither regeneration + nearest point, doubled
 * coordinates out: the encode before entropy coding) and reconstruction (decode), for D4 and E8, scalar
 * against Vector API. GB/s of float input (encode) or output (decode) = {@code bytes * ops/s / 1e9}.
 * Target (issue 4): E8 encode &gt;= 1 GB/s per core. The kernel works on heap arrays (the codec copies
 * the layer, rotated or not, into its scratch), so the input is copied once at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC,
    BenchJvm.ALLOW_UNSAFE, BenchJvm.NATIVE_ACCESS})
public class LatticeKernelBenchmark extends KernelBenchmarkState {

    /** The lattice. */
    @Param({"E8", "D4"})
    public String lattice;

    /** Inverse lattice scale: a step of about 0.6 input standard deviations. */
    private static final float INV_SCALE = 1.7f;
    private static final int KEY = 0x2545f491;

    private Lattice l;
    private float[] x;
    private float[] xhat;
    private int[] twice;
    private float[] dither;
    private int blocks;
    private LatticeKernel impl;

    /** Creates the state (JMH instantiates it). */
    public LatticeKernelBenchmark() {
    }

    @Override
    protected void choose(final boolean panama) {
        impl = panama ? new PanamaLatticeKernel() : new ScalarLatticeKernel();
    }

    @Override
    protected void prepare() {
        l = Lattice.valueOf(lattice);
        blocks = floats / l.dim();
        x = new float[floats];
        for (int i = 0; i < floats; i++) {
            x[i] = in.getAtIndex(GradientBuffer.FLOAT_LE, i);
        }
        xhat = new float[floats];
        twice = new int[floats];
        dither = new float[floats];
        impl.encode(l, x, blocks, INV_SCALE, KEY, twice);
    }

    /**
     * @param counter counts input bytes
     * @return the doubled coordinates
     */
    @Benchmark
    public int[] encode(final InputBytes counter) {
        counter.inputBytes += bytes;
        impl.encode(l, x, blocks, INV_SCALE, KEY, twice);
        return twice;
    }

    /**
     * The codec's encode: points and the dither they used (the codec's contexts need it).
     *
     * @param counter counts input bytes
     * @return the dither
     */
    @Benchmark
    public float[] encodeWithDither(final InputBytes counter) {
        counter.inputBytes += bytes;
        impl.encode(l, x, blocks, INV_SCALE, KEY, twice, dither);
        return dither;
    }

    /**
     * @param counter counts bytes of floats produced
     * @return the reconstruction
     */
    @Benchmark
    public float[] decode(final InputBytes counter) {
        counter.inputBytes += bytes;
        impl.decode(l, twice, blocks, 1f / INV_SCALE, KEY, xhat);
        return xhat;
    }
}
