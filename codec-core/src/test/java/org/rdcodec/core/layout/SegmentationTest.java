package org.rdcodec.core.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.buffer.NoBufferLeaks;

@ExtendWith(NoBufferLeaks.class)
class SegmentationTest {

    @Test
    void interleavePutsComponentLOfVectorJFromLayerL() {
        // L = 3 layers of n = 2: [a0 a1 | b0 b1 | c0 c1] -> vectors (a0 b0 c0), (a1 b1 c1)
        final Segmentation seg = Segmentation.of(GradientLayout.uniform(6, 3));
        assertEquals(3, seg.dimension());
        assertEquals(2, seg.vectorCount());
        try (GradientBuffer src = GradientBuffer.of(new float[] {1, 2, 10, 20, 100, 200});
             GradientBuffer dst = GradientBuffer.allocate(6)) {
            seg.interleave(src, dst);
            assertArrayEquals(new float[] {1, 10, 100, 2, 20, 200}, dst.toArray());
        }
    }

    @Test
    void roundTripsOnShapesAroundTheTile() {
        final SplittableRandom rnd = new SplittableRandom(5L);
        final int[][] shapes = {{1, 1}, {1, 1000}, {7, 1}, {3, Segmentation.TILE - 1}, {5, Segmentation.TILE + 1},
            {13, 3 * Segmentation.TILE + 17}};
        for (final int[] shape : shapes) {
            final int layers = shape[0];
            final int n = shape[1];
            final float[] flat = new float[layers * n];
            for (int i = 0; i < flat.length; i++) {
                flat[i] = (float) rnd.nextGaussian();
            }
            flat[flat.length / 2] = Float.intBitsToFloat(0x7fc0_0abc); // a NaN payload must survive
            final Segmentation seg = Segmentation.of(GradientLayout.uniform(flat.length, layers));
            try (GradientBuffer src = GradientBuffer.of(flat);
                 GradientBuffer vectors = GradientBuffer.allocate(flat.length);
                 GradientBuffer back = GradientBuffer.allocate(flat.length)) {
                seg.interleave(src, vectors);
                for (int j = 0; j < n; j += Math.max(1, n / 7)) {
                    for (int l = 0; l < layers; l++) {
                        assertEquals(Float.floatToRawIntBits(flat[l * n + j]),
                                Float.floatToRawIntBits(vectors.get(j * layers + l)), "vector " + j + " component " + l);
                    }
                }
                seg.deinterleave(vectors, back);
                final float[] out = back.toArray();
                for (int i = 0; i < flat.length; i++) {
                    assertEquals(Float.floatToRawIntBits(flat[i]), Float.floatToRawIntBits(out[i]), "L=" + layers + " n=" + n + " i=" + i);
                }
            }
        }
    }

    @Test
    void unequalLayersAreRejectedNamingTheLayers() {
        final var e = assertThrows(LayoutException.class, () -> Segmentation.of(GradientLayout.ofSizes(4, 4, 5)));
        assertTrue(e.getMessage().contains("layer 0 ('layer0') has 4") && e.getMessage().contains("layer 2 ('layer2') has 5"),
                e.getMessage());
    }

    @Test
    void wrongLengthsAndOverlapAreRejected() {
        final Segmentation seg = Segmentation.of(GradientLayout.uniform(8, 2));
        try (GradientBuffer ok = GradientBuffer.allocate(8);
             GradientBuffer shorter = GradientBuffer.allocate(7);
             GradientBuffer other = GradientBuffer.allocate(8)) {
            final var src = assertThrows(LayoutException.class, () -> seg.interleave(shorter, ok));
            assertTrue(src.getMessage().contains("interleave source (layer-major) has 28 bytes"), src.getMessage());
            final var dst = assertThrows(LayoutException.class, () -> seg.deinterleave(ok, shorter));
            assertTrue(dst.getMessage().contains("deinterleave destination (layer-major)"), dst.getMessage());
            final var same = assertThrows(LayoutException.class, () -> seg.interleave(ok, ok));
            assertTrue(same.getMessage().contains("overlap"), same.getMessage());
            seg.interleave(ok, other); // distinct buffers of the right length are fine
        }
    }
}
