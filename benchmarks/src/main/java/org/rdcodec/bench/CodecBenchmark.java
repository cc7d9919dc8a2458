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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Codecs;
import org.rdcodec.core.quant.DecodedFrame;
import org.rdcodec.core.quant.GradientCodec;
import org.rdcodec.core.quant.GradientDecoder;
import org.rdcodec.core.quant.WorkerEncoder;

/**
 * Whole codecs, gradient to frame and back: statistics, quantizer kernel, entropy coding, frame and
 * CRC (encode); validation, entropy decoding, reconstruction (decode). One layer of {@code bytes} of
 * N(0, 1) floats; the kernels are the ones the provider picks (Vector API here). GB/s of float input =
 * {@code bytes * ops/s / 1e9}, comparable with {@link StreamingReadBenchmark} at the same size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC,
    BenchJvm.ALLOW_UNSAFE, BenchJvm.NATIVE_ACCESS})
public class CodecBenchmark {

    /** Bytes of float32 input per op. */
    @Param({BenchData.SMALL, BenchData.LARGE})
    public long bytes;

    /** The codec spec. */
    @Param({"sign", "dithered:relstep=0.5", "qsgd:levels=16"})
    public String codec;

    private GradientBuffer input;
    private GradientBuffer output;
    private WorkerEncoder encoder;
    private GradientDecoder decoder;
    private UnsafeBuffer frame;
    private int frameLength;

    /** Creates the state (JMH instantiates it). */
    public CodecBenchmark() {
    }

    /** Allocates the data and encodes one frame for the decode benchmark. */
    @Setup(Level.Trial)
    public void setUp() {
        input = BenchData.gaussian(bytes);
        output = GradientBuffer.allocate(input.length());
        final GradientLayout layout = GradientLayout.ofSizes(input.length());
        final GradientCodec c = Codecs.create(codec);
        encoder = c.newEncoder(layout, 0, 1);
        decoder = c.newDecoder(layout, 1);
        frame = new UnsafeBuffer(java.nio.ByteBuffer.allocateDirect(encoder.maxFrameBytes()));
        frameLength = encoder.encode(input, 0, frame, 0, frame.capacity());
    }

    /** Frees the data. */
    @TearDown(Level.Trial)
    public void tearDown() {
        encoder.close();
        input.close();
        output.close();
    }

    /**
     * @param counter counts input bytes
     * @return the frame length
     */
    @Benchmark
    public int encode(final InputBytes counter) {
        counter.inputBytes += bytes;
        return encoder.encode(input, 0, frame, 0, frame.capacity());
    }

    /**
     * @param counter counts bytes of floats produced
     * @return what the frame said
     */
    @Benchmark
    public DecodedFrame decode(final InputBytes counter) {
        counter.inputBytes += bytes;
        return decoder.decode(frame, 0, frameLength, output);
    }
}
