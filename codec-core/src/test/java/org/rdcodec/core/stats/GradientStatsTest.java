package org.rdcodec.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.buffer.NoBufferLeaks;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.layout.LayoutException;
import org.rdcodec.core.simd.VectorizationProvider;

@ExtendWith(NoBufferLeaks.class)
class GradientStatsTest {

    @Test
    void oneStatsPerLayerOverItsOwnRange() {
        final GradientLayout layout = GradientLayout.ofSizes(3, 1, 4);
        final float[] g = {1, 2, 3, -7, 0, 0, Float.NaN, 8};
        try (GradientBuffer b = GradientBuffer.of(g)) {
            final List<LayerStats> stats = new GradientStats(new ScalarStatsKernel()).perLayer(layout, b);
            assertEquals(3, stats.size());
            // shift c = 1: S = 0 + 1 + 2 = 3, Q = 0 + 1 + 4 = 5, variance = Q/n - (S/n)^2 as the contract rounds it
            assertEquals(new LayerStats(3, 2.0, 5.0 / 3 - 1.0, 2.0, 3.0, 0), stats.get(0));
            assertEquals(new LayerStats(1, -7.0, 0.0, 7.0, 7.0, 0), stats.get(1));
            // layer 2 = {0, 0, NaN, 8}: finite values 0, 0, 8
            final LayerStats l2 = stats.get(2);
            assertEquals(3, l2.count());
            assertEquals(1, l2.nonFinite());
            assertEquals(8.0 / 3.0, l2.mean(), 1e-15);
            assertEquals(64.0 / 3.0 - 64.0 / 9.0, l2.variance(), 1e-14);
        }
    }

    @Test
    void defaultKernelComesFromTheProvider() {
        assertEquals(VectorizationProvider.getInstance().kernel(StatsKernel.class),
                GradientStats.withDefaultKernel().kernel());
    }

    @Test
    void gradientOfTheWrongLengthIsRejected() {
        try (GradientBuffer b = GradientBuffer.allocate(7)) {
            assertThrows(LayoutException.class,
                    () -> GradientStats.withDefaultKernel().perLayer(GradientLayout.ofSizes(3, 5), b));
        }
    }
}
