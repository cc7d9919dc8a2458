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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rdcodec.core.entropy.RansEncoder;

/**
 * rANS encoding of a ~3 bit Gaussian index stream (histogram, alphabet choice, table normalisation and
 * payload), in symbols per second. Baseline: one streaming pass reading the same ints.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.ADD_VECTOR, BenchJvm.OPEN_MISC, BenchJvm.EXPORT_MISC,
    BenchJvm.ALLOW_UNSAFE, BenchJvm.NATIVE_ACCESS})
public class RansEncodeBenchmark {

    /** One stream of {@code n} symbols, an encoder and its destination. */
    public abstract static class Stream {
        final RansEncoder encoder = new RansEncoder();
        int[] symbols;
        UnsafeBuffer dst;

        void setUp(final int n) {
            symbols = RansStreams.gaussianIndices(n, 1234);
            dst = RansStreams.destinationFor(n);
        }
    }

    /** 64 Ki symbols. */
    @State(Scope.Thread)
    public static class Small extends Stream {
        /** Draws the stream. */
        @Setup
        public void setUp() {
            setUp(RansStreams.SMALL);
        }
    }

    /** 4 Mi symbols. */
    @State(Scope.Thread)
    public static class Large extends Stream {
        /** Draws the stream. */
        @Setup
        public void setUp() {
            setUp(RansStreams.LARGE);
        }
    }

    /** Encodes 64 Ki symbols. */
    @Benchmark
    @OperationsPerInvocation(RansStreams.SMALL)
    public int encode64k(final Small s) {
        return s.encoder.encode(s.symbols, 0, RansStreams.SMALL, s.dst, 0);
    }

    /** Encodes 4 Mi symbols. */
    @Benchmark
    @OperationsPerInvocation(RansStreams.LARGE)
    public int encode4m(final Large s) {
        return s.encoder.encode(s.symbols, 0, RansStreams.LARGE, s.dst, 0);
    }

    /** Reads 64 Ki ints once: the streaming-read bound. */
    @Benchmark
    @OperationsPerInvocation(RansStreams.SMALL)
    public long readBaseline64k(final Small s) {
        return sum(s.symbols, RansStreams.SMALL);
    }

    /** Reads 4 Mi ints once: the streaming-read bound. */
    @Benchmark
    @OperationsPerInvocation(RansStreams.LARGE)
    public long readBaseline4m(final Large s) {
        return sum(s.symbols, RansStreams.LARGE);
    }

    private static long sum(final int[] v, final int n) {
        long acc = 0;
        for (int i = 0; i < n; i++) {
            acc += v[i];
        }
        return acc;
    }
}
