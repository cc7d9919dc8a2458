package org.rdcodec.core.quant;

import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;

/** Test helper: one worker's gradient through a codec and back, with the bytes it took. */
final class CodecHarness {

    /** The reconstruction and the frame length. */
    record Result(float[] xhat, int frameBytes) {
    }

    private CodecHarness() {
    }

    static float[] gaussian(final int n, final double sigma, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (sigma * r.nextGaussian());
        }
        return x;
    }

    static Result roundTrip(final String spec, final GradientLayout layout, final float[] x, final long round, final int worker) {
        final GradientCodec codec = Codecs.create(spec);
        try (WorkerEncoder enc = codec.newEncoder(layout, worker, 1234);
             GradientBuffer in = GradientBuffer.of(x);
             GradientBuffer out = GradientBuffer.allocate(x.length)) {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[enc.maxFrameBytes()]);
            final int n = enc.encode(in, round, frame, 0, frame.capacity());
            final DecodedFrame d = codec.newDecoder(layout, 1234).decode(frame, 0, n, out);
            if (d.frameBytes() != n || d.worker() != worker || d.round() != round) {
                throw new AssertionError("decoded header " + d + " does not match what was written");
            }
            return new Result(out.toArray(), n);
        }
    }

    /** Mean error, its standard error, slope of xhat on x minus 1, its standard error, and the error variance. */
    record Bias(double meanError, double meanErrorSe, double slopeMinusOne, double slopeSe, double errorVariance) {
    }

    /**
     * Under unbiasedness with independent per-coordinate errors e_i: Var(mean e) = Var(e) / n, and the
     * slope <xhat, x> / <x, x> - 1 = <e, x> / <x, x> has standard error sqrt(sum x_i^2 e_i^2) / sum x_i^2.
     */
    static Bias bias(final float[] x, final float[] xhat) {
        final int n = x.length;
        double sumE = 0;
        double sumE2 = 0;
        double sumXE = 0;
        double sumXX = 0;
        double sumXXEE = 0;
        for (int i = 0; i < n; i++) {
            final double e = (double) xhat[i] - x[i];
            sumE += e;
            sumE2 += e * e;
            sumXE += x[i] * e;
            sumXX += (double) x[i] * x[i];
            sumXXEE += (double) x[i] * x[i] * e * e;
        }
        final double mean = sumE / n;
        final double var = sumE2 / n - mean * mean;
        return new Bias(mean, Math.sqrt(var / n), sumXE / sumXX, Math.sqrt(sumXXEE) / sumXX, var);
    }

    static double mse(final float[] x, final float[] xhat) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            final double e = (double) xhat[i] - x[i];
            s += e * e;
        }
        return s / x.length;
    }
}
