package org.rdcodec.bench;

import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rdcodec.core.entropy.RansDecoder;
import org.rdcodec.core.entropy.RansEncoder;

/**
 * rANS decoding of a ~3 bit Gaussian index stream (header parse, table build and payload), in symbols per
 * second. Baseline: copying the same number of ints, the bound for any decoder that writes an int per symbol.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC,
    BenchJvm.ALLOW_UNSAFE, BenchJvm.NATIVE_ACCESS})
public class RansDecodeBenchmark {

    /** One encoded stream of {@code n} symbols and a decoder with its output array. */
    public abstract static class Stream {
        final RansDecoder decoder = new RansDecoder();
        int[] symbols;
        int[] out;
        UnsafeBuffer encoded;
        int length;

        void setUp(final int n, final int maxPrecisionBits) {
            symbols = RansStreams.gaussianIndices(n, 1234);
            out = new int[n];
            encoded = RansStreams.destinationFor(n);
            length = new RansEncoder(RansEncoder.DEFAULT_MAX_ALPHABET, maxPrecisionBits).encode(symbols, 0, n, encoded, 0);
            decoder.decode(encoded, 0, length, out, 0, n);
            if (!java.util.Arrays.equals(symbols, out)) {
                throw new IllegalStateException("round trip failed");
            }
        }
    }

    /** 64 Ki symbols. */
    @State(Scope.Thread)
    public static class Small extends Stream {
        /** Largest table precision: 12 is the default (L1-resident table), 15 the most accurate. */
        @Param({"12", "15"})
        public int maxPrecisionBits;

        /** Encodes the stream. */
        @Setup
        public void setUp() {
            setUp(RansStreams.SMALL, maxPrecisionBits);
        }
    }

    /** 4 Mi symbols. */
    @State(Scope.Thread)
    public static class Large extends Stream {
        /** Largest table precision: 12 is the default (L1-resident table), 15 the most accurate. */
        @Param({"12", "15"})
        public int maxPrecisionBits;

        /** Encodes the stream. */
        @Setup
        public void setUp() {
            setUp(RansStreams.LARGE, maxPrecisionBits);
        }
    }

    /** Decodes 64 Ki symbols. */
    @Benchmark
    @OperationsPerInvocation(RansStreams.SMALL)
    public int decode64k(final Small s) {
        return s.decoder.decode(s.encoded, 0, s.length, s.out, 0, RansStreams.SMALL);
    }

    /** Decodes 4 Mi symbols. */
    @Benchmark
    @OperationsPerInvocation(RansStreams.LARGE)
    public int decode4m(final Large s) {
        return s.decoder.decode(s.encoded, 0, s.length, s.out, 0, RansStreams.LARGE);
    }

    /** Copies 64 Ki ints: the output-bandwidth bound. */
    @Benchmark
    @OperationsPerInvocation(RansStreams.SMALL)
    public int copyBaseline64k(final Small s) {
        System.arraycopy(s.symbols, 0, s.out, 0, RansStreams.SMALL);
        return s.out[RansStreams.SMALL - 1];
    }

    /** Copies 4 Mi ints: the output-bandwidth bound. */
    @Benchmark
    @OperationsPerInvocation(RansStreams.LARGE)
    public int copyBaseline4m(final Large s) {
        System.arraycopy(s.symbols, 0, s.out, 0, RansStreams.LARGE);
        return s.out[RansStreams.LARGE - 1];
    }
}
