package org.rdcodec.bench;

import java.lang.foreign.MemorySegment;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.rdcodec.core.buffer.GradientBuffer;

/**
 * What every float-kernel suite shares: the {@code bytes} and {@code kernel} parameters, a Gaussian input
 * and an output of the same size off-heap, freed after the trial. Subclasses pick the implementation
 * in {@link #choose} and prepare any further state in {@link #prepare}.
 */
@State(Scope.Benchmark)
public abstract class KernelBenchmarkState {

    /** Bytes of float32 input per op. */
    @Param({BenchData.SMALL, BenchData.LARGE})
    public long bytes;

    /** {@code scalar} (reference) or {@code panama} (Vector API). */
    @Param({"scalar", "panama"})
    public String kernel;

    /** Input floats. */
    protected MemorySegment in;
    /** Output floats, same length. */
    protected MemorySegment out;
    /** Floats per op. */
    protected int floats;

    private GradientBuffer input;
    private GradientBuffer output;

    /** For subclasses. */
    protected KernelBenchmarkState() {
    }

    /** Allocates the data, then lets the subclass choose its kernel and prepare. */
    @Setup(Level.Trial)
    public void setUp() {
        input = BenchData.gaussian(bytes);
        output = GradientBuffer.allocate(input.length());
        in = input.segment();
        out = output.segment();
        floats = input.length();
        if (!kernel.equals("scalar") && !kernel.equals("panama")) {
            throw new IllegalArgumentException("kernel must be scalar or panama, got " + kernel);
        }
        choose(kernel.equals("panama"));
        prepare();
    }

    /** Frees the data. */
    @TearDown(Level.Trial)
    public void tearDown() {
        input.close();
        output.close();
    }

    /**
     * @param panama true for the Vector API implementation, false for the scalar reference
     */
    protected abstract void choose(boolean panama);

    /** Prepares state the decode benchmark needs (e.g. encodes once). */
    protected abstract void prepare();
}
