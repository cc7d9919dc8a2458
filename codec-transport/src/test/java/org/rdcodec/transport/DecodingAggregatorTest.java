package org.rdcodec.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Codecs;
import org.rdcodec.core.quant.GradientCodec;
import org.rdcodec.core.quant.WorkerEncoder;

/** The server's default aggregation: a missing worker leaves the estimate unbiased; a bad frame never enters it. */
class DecodingAggregatorTest {

    private static final int K = 4;
    private static final int P = 1 << 16;
    private static final long SEED = 3;
    /** Tolerance in standard errors for the slope and mean-error checks over P coordinates (a 5-sigma miss has probability 6e-7). */
    private static final double STANDARD_ERRORS = 5;

    @Test
    void estimateWithoutOneWorkerIsUnbiased() {
        final long openBefore = GradientBuffer.openCount();
        final GradientLayout layout = GradientLayout.ofSizes(P);
        final GradientCodec codec = Codecs.create("dithered:step=1");
        final float[] x = new float[P];
        final SplittableRandom rnd = new SplittableRandom(SEED);
        for (int i = 0; i < P; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        try (DecodingAggregator agg = new DecodingAggregator(codec, layout, K, SEED);
             GradientBuffer y = GradientBuffer.allocate(P);
             GradientBuffer est = GradientBuffer.allocate(P)) {
            agg.begin(0);
            for (final int k : new int[] {0, 2, 3}) { // worker 1 is late
                final float[] yk = new float[P];
                for (int i = 0; i < P; i++) {
                    yk[i] = (float) (x[i] + rnd.nextGaussian());
                }
                y.copyFrom(yk);
                final UnsafeBuffer frame = encode(codec, layout, k, 0, y);
                agg.accept(k, frame, 0, frame.capacity());
            }
            assertEquals(3, agg.finish(est));
            double sumE = 0;
            double sumE2 = 0;
            double sumXE = 0;
            double sumXX = 0;
            double sumXXEE = 0;
            for (int i = 0; i < P; i++) {
                final double e = est.get(i) - x[i];
                sumE += e;
                sumE2 += e * e;
                sumXE += x[i] * e;
                sumXX += x[i] * x[i];
                sumXXEE += x[i] * x[i] * e * e;
            }
            final double meanE = sumE / P;
            final double sdE = Math.sqrt(sumE2 / P - meanE * meanE);
            assertTrue(Math.abs(meanE) < STANDARD_ERRORS * sdE / Math.sqrt(P), "mean error " + meanE);
            final double slopeMinusOne = sumXE / sumXX;
            assertTrue(Math.abs(slopeMinusOne) < STANDARD_ERRORS * Math.sqrt(sumXXEE) / sumXX, "slope - 1 = " + slopeMinusOne);
            // three workers: D = (sn2 + step^2/12) / 3 = 0.3611; 5 standard errors of a mean of P squared Gaussians
            final double d = (1 + 1.0 / 12) / 3;
            assertEquals(d, sumE2 / P, STANDARD_ERRORS * d * Math.sqrt(2.0 / P));
        }
        assertEquals(openBefore, GradientBuffer.openCount());
    }

    @Test
    void corruptOrMislabelledFrameIsRejectedAndNotCombined() {
        final GradientLayout layout = GradientLayout.ofSizes(1000);
        final GradientCodec codec = Codecs.create("identity");
        try (DecodingAggregator agg = new DecodingAggregator(codec, layout, 2, SEED);
             GradientBuffer y = GradientBuffer.allocate(1000);
             GradientBuffer est = GradientBuffer.allocate(1000)) {
            y.copyFrom(new float[1000]);
            y.set(7, 1f);
            agg.begin(5);
            final UnsafeBuffer good = encode(codec, layout, 0, 5, y);
            agg.accept(0, good, 0, good.capacity());
            final UnsafeBuffer corrupt = encode(codec, layout, 1, 5, y);
            corrupt.putByte(100, (byte) (corrupt.getByte(100) ^ 1));
            assertEquals(FrameError.CORRUPTED, assertThrows(FrameException.class, () -> agg.accept(1, corrupt, 0, corrupt.capacity())).error());
            final UnsafeBuffer otherRound = encode(codec, layout, 1, 4, y);
            assertEquals(FrameError.MALFORMED, assertThrows(FrameException.class,
                    () -> agg.accept(1, otherRound, 0, otherRound.capacity())).error());
            final UnsafeBuffer otherWorker = encode(codec, layout, 0, 5, y);
            assertEquals(FrameError.MALFORMED, assertThrows(FrameException.class,
                    () -> agg.accept(1, otherWorker, 0, otherWorker.capacity())).error());
            assertEquals(FrameError.MALFORMED, assertThrows(FrameException.class, () -> agg.accept(0, corrupt, 0, corrupt.capacity())).error(),
                    "a second frame of an accepted worker is refused before it is decoded");
            assertEquals(1, agg.finish(est), "only worker 0's frame is in the estimate");
            assertEquals(1f, est.get(7));
        }
    }

    private static UnsafeBuffer encode(final GradientCodec codec, final GradientLayout layout, final int worker, final long round,
            final GradientBuffer g) {
        try (WorkerEncoder enc = codec.newEncoder(layout, worker, SEED)) {
            final UnsafeBuffer buf = new UnsafeBuffer(new byte[enc.maxFrameBytes()]);
            final int length = enc.encode(g, round, buf, 0, buf.capacity());
            return new UnsafeBuffer(buf, 0, length);
        }
    }
}
