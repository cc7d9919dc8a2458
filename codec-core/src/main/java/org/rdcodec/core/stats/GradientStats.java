package org.rdcodec.core.stats;

import java.util.List;
import java.util.Objects;

import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.layout.LayoutException;
import org.rdcodec.core.simd.VectorizationProvider;

/**
 * Per-layer statistics of a flat gradient: one {@link StatsKernel} call per layer of a
 * {@link GradientLayout}.
 */
public final class GradientStats {

    private final StatsKernel kernel;

    /**
     * @param kernel the kernel to use
     */
    public GradientStats(final StatsKernel kernel) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
    }

    /** @return statistics with the kernel of {@link VectorizationProvider#getInstance()} */
    public static GradientStats withDefaultKernel() {
        return new GradientStats(VectorizationProvider.getInstance().kernel(StatsKernel.class));
    }

    /** @return the kernel in use */
    public StatsKernel kernel() {
        return kernel;
    }

    /**
     * Statistics of every layer, in layer order.
     *
     * @param layout the layers
     * @param gradient a flat gradient of {@code layout.totalSize()} floats
     * @return one {@link LayerStats} per layer (an immutable list)
     * @throws LayoutException if the gradient's length is not P
     */
    public List<LayerStats> perLayer(final GradientLayout layout, final GradientBuffer gradient) {
        layout.requireTotal(gradient.length(), "gradient");
        final LayerStats[] out = new LayerStats[layout.layerCount()];
        for (int l = 0; l < out.length; l++) {
            out[l] = kernel.stats(gradient.segment(), layout.offset(l), layout.size(l));
        }
        return List.of(out);
    }
}
