package org.rdcodec.core.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.core.layout.GradientLayout;

class CodecRoundTripTest {

    private static final GradientLayout LAYOUT = GradientLayout.of(List.of("w", "b", "tiny"), new int[] {1000, 37, 1});

    private long openBefore;

    @BeforeEach
    void countBuffers() {
        openBefore = GradientBuffer.openCount();
    }

    @AfterEach
    void noLeaks() {
        assertEquals(openBefore, GradientBuffer.openCount(), "off-heap buffers leaked");
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity", "sign", "sign:scale=meanabs,ef=true", "dithered:step=0.1", "dithered", "qsgd:levels=2",
        "terngrad", "natural", "lloydmax:bits=3", "randk:fraction=0.3", "topk:fraction=0.05"})
    void everyCodecRoundTripsAMultiLayerFrameAndIsDeterministic(final String spec) {
        final float[] x = CodecHarness.gaussian(LAYOUT.totalSize(), 0.3, 1);
        final CodecHarness.Result a = CodecHarness.roundTrip(spec, LAYOUT, x, 5, 1);
        final CodecHarness.Result b = CodecHarness.roundTrip(spec, LAYOUT, x, 5, 1);
        assertArrayEquals(a.xhat(), b.xhat());
        assertEquals(a.frameBytes(), b.frameBytes());
        for (final float v : a.xhat()) {
            assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void identityIsLossless() {
        final float[] x = CodecHarness.gaussian(LAYOUT.totalSize(), 1, 2);
        assertArrayEquals(x, CodecHarness.roundTrip("identity", LAYOUT, x, 0, 0).xhat());
    }

    @Test
    void nonFiniteInputNamesLayerAndIndex() {
        final float[] x = new float[LAYOUT.totalSize()];
        x[1000 + 5] = Float.NaN;
        x[1000 + 9] = Float.POSITIVE_INFINITY;
        final NonFiniteGradientException e = assertThrows(NonFiniteGradientException.class,
                () -> CodecHarness.roundTrip("dithered:step=1", LAYOUT, x, 0, 0));
        assertEquals(1, e.layer());
        assertEquals(1005, e.index());
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("layer index 5") && e.getMessage().contains("2 non-finite"), e.getMessage());
    }

    @Test
    void wrongLengthWrongCodecAndCorruptionAreTypedErrors() {
        final GradientCodec dithered = Codecs.create("dithered:step=0.5");
        final GradientCodec sign = Codecs.create("sign");
        try (WorkerEncoder enc = dithered.newEncoder(LAYOUT, 0, 9);
             GradientBuffer in = GradientBuffer.of(CodecHarness.gaussian(LAYOUT.totalSize(), 1, 3));
             GradientBuffer shortIn = GradientBuffer.allocate(10);
             GradientBuffer out = GradientBuffer.allocate(LAYOUT.totalSize());
             GradientBuffer out38 = GradientBuffer.allocate(1038)) {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[enc.maxFrameBytes()]);
            assertThrows(org.rdcodec.core.layout.LayoutException.class, () -> enc.encode(shortIn, 0, frame, 0, frame.capacity()));
            final int n = enc.encode(in, 0, frame, 0, frame.capacity());
            assertEquals(FrameError.BAD_CODEC, assertThrows(FrameException.class, () -> sign.newDecoder(LAYOUT, 9).decode(frame, 0, n, out)).error());
            assertEquals(FrameError.WRONG_LAYOUT, assertThrows(FrameException.class,
                    () -> dithered.newDecoder(GradientLayout.ofSizes(1000, 38), 9).decode(frame, 0, n, out38)).error());
            frame.putByte(n / 2, (byte) (frame.getByte(n / 2) ^ 0x10));
            assertEquals(FrameError.CORRUPTED, assertThrows(FrameException.class, () -> dithered.newDecoder(LAYOUT, 9).decode(frame, 0, n, out)).error());
            assertEquals(FrameError.OVERSIZED, assertThrows(FrameException.class, () -> enc.encode(in, 0, frame, 0, 200)).error());
        }
    }

    @Test
    void errorFeedbackTelescopes() {
        // with e_0 = 0: sum_t decoded_t = sum_t g_t - e_T, so the accumulated error stays bounded by one residual
        final GradientLayout layout = GradientLayout.ofSizes(4096);
        final GradientCodec codec = Codecs.create("sign:ef=true");
        final int rounds = 50;
        final double[] sumG = new double[4096];
        final double[] sumHat = new double[4096];
        try (WorkerEncoder enc = codec.newEncoder(layout, 0, 1); GradientBuffer out = GradientBuffer.allocate(4096)) {
            final GradientDecoder dec = codec.newDecoder(layout, 1);
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[enc.maxFrameBytes()]);
            for (int t = 0; t < rounds; t++) {
                final float[] g = CodecHarness.gaussian(4096, 1, 100 + t);
                try (GradientBuffer in = GradientBuffer.of(g)) {
                    final int n = enc.encode(in, t, frame, 0, frame.capacity());
                    dec.decode(frame, 0, n, out);
                }
                final float[] h = out.toArray();
                for (int i = 0; i < 4096; i++) {
                    sumG[i] += g[i];
                    sumHat[i] += h[i];
                }
            }
        }
        double gap = 0;
        double total = 0;
        for (int i = 0; i < 4096; i++) {
            gap += (sumG[i] - sumHat[i]) * (sumG[i] - sumHat[i]);
            total += sumG[i] * sumG[i];
        }
        // without feedback the gap would grow like rounds * (1 - 2/pi) per coordinate, i.e. ~0.36 of total;
        // with it the gap is one residual, O(1) per coordinate against total ~ rounds = 50
        assertTrue(gap / total < 0.1, "accumulated error ratio " + gap / total);
    }

    @Test
    void naturalRefusesMagnitudesThatWouldRoundToInfinity() {
        final float[] x = new float[LAYOUT.totalSize()];
        x[7] = 3.0e38f;
        final org.rdcodec.core.spec.SpecException e = assertThrows(org.rdcodec.core.spec.SpecException.class,
                () -> CodecHarness.roundTrip("natural", LAYOUT, x, 0, 0));
        assertTrue(e.getMessage().contains("2^127"), e.getMessage());
    }

    @Test
    void aFrameThatOutgrowsTheCallersRegionFailsWithoutWritingPastIt() {
        final GradientCodec sign = Codecs.create("sign");
        try (WorkerEncoder enc = sign.newEncoder(LAYOUT, 0, 1); GradientBuffer in = GradientBuffer.of(CodecHarness.gaussian(LAYOUT.totalSize(), 1, 4))) {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[4096]);
            frame.setMemory(0, 4096, (byte) 0x5a);
            assertEquals(FrameError.OVERSIZED, assertThrows(FrameException.class, () -> enc.encode(in, 0, frame, 10, 150)).error());
            for (int i = 160; i < 4096; i++) {
                assertEquals((byte) 0x5a, frame.getByte(i), "byte " + i + " past the region was written");
            }
        }
    }
}
