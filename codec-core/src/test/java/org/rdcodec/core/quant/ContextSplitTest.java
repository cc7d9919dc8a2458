package org.rdcodec.core.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;

/** The context split of {@link IndexStreamCodec} and the dithered codec's one-pass bins. */
class ContextSplitTest {

    /** The shared seed {@link CodecHarness#roundTrip} gives encoder and decoder. */
    private static final long HARNESS_SEED = 1234;

    /** Counting sort: stable within each context, and ungroup inverts it, on sizes around the 4-way unrolling. */
    @Test
    void groupIsAStableCountingSortAndUngroupInvertsIt() {
        final SplittableRandom r = new SplittableRandom(17);
        for (final int n : new int[] {0, 1, 3, 4, 5, 1000, 4099}) {
            for (final int c : new int[] {1, 2, 5, 16, 64}) {
                final int[] q = new int[n];
                final byte[] ctx = new byte[n];
                for (int i = 0; i < n; i++) {
                    q[i] = r.nextInt();
                    ctx[i] = (byte) r.nextInt(c);
                }
                final int[] start = ContextSplit.starts(ctx, n, c);
                assertEquals(c + 1, start.length);
                assertEquals(n, start[c]);
                final int[] grouped = new int[n];
                ContextSplit.group(q, ctx, n, start, grouped);
                final int[] fill = start.clone();
                for (int i = 0; i < n; i++) {
                    assertEquals(q[i], grouped[fill[ctx[i]]++], "n " + n + " c " + c + " index " + i);
                }
                for (int b = 0; b < c; b++) {
                    assertEquals(start[b + 1], fill[b], "count of context " + b);
                }
                final int[] back = new int[n];
                ContextSplit.ungroup(grouped, ctx, n, start, back);
                assertArrayEquals(q, back);
            }
        }
    }

    /**
     * Whole codec with 4 (from 2^14 coordinates) and 16 (from 2^18) context streams, on sizes that are not
     * multiples of the vector lanes: the server's floats are exactly the reference kernel's reconstruction
     * of the reference kernel's indices, so split, streams and ungroup lose nothing.
     */
    @ParameterizedTest
    @ValueSource(ints = {(1 << 14) + 1, (1 << 18) + 3})
    void ditheredCodecWithContextsDecodesTheReferenceIndicesExactly(final int n) {
        final float[] x = CodecHarness.gaussian(n, 1, 29 + n);
        final CodecHarness.Result r = CodecHarness.roundTrip("dithered:step=1", GradientLayout.ofSizes(n), x, 4, 1);
        final ScalarDitheredQuantizerKernel ref = new ScalarDitheredQuantizerKernel();
        final int key = Dither.key(HARNESS_SEED, 4, 1, 0, Dither.STREAM_DITHER);
        try (GradientBuffer in = GradientBuffer.allocate(n); GradientBuffer out = GradientBuffer.allocate(n)) {
            in.copyFrom(x, 0, 0, n);
            final int[] q = new int[n];
            ref.quantize(in.segment(), 0, n, 1f, key, q);
            ref.reconstruct(q, n, 1f, key, out.segment(), 0);
            final float[] expected = out.toArray();
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(r.xhat()[i]), "coordinate " + i);
            }
        }
    }
}
