package org.rdcodec.core.simd;

import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.stats.GradientStats;

/**
 * Run by {@link WithoutVectorModuleTest} in a child JVM without {@code --add-modules jdk.incubator.vector}:
 * prints the provider, its reason, the default stats kernel and one result, proving the scalar path
 * never links against the Vector API.
 */
public final class WithoutVectorModuleMain {

    private WithoutVectorModuleMain() {
    }

    /**
     * @param args unused
     */
    public static void main(final String[] args) {
        final VectorizationProvider p = VectorizationProvider.getInstance();
        System.out.println("provider=" + p.name());
        System.out.println("reason=" + p.reason());
        System.out.println("species=" + VectorizationProvider.preferredFloatSpecies());
        final GradientStats stats = GradientStats.withDefaultKernel();
        System.out.println("kernel=" + stats.kernel().getClass().getSimpleName());
        try (GradientBuffer b = GradientBuffer.of(new float[] {1, 2, 3, 4})) {
            System.out.println("mean=" + stats.perLayer(GradientLayout.ofSizes(4), b).get(0).mean());
        }
    }
}
