package org.rdcodec.core.simd;

import jdk.incubator.vector.FloatVector;

/**
 * The Vector API provider: kernels named {@code Panama*}. Links against {@code jdk.incubator.vector};
 * {@link VectorizationProvider} loads it reflectively and only when that module is present.
 */
public final class PanamaVectorizationProvider extends VectorizationProvider {

    /** Class-name prefix of the Vector API kernels. */
    static final String PREFIX = "Panama";

    /**
     * @param reason why the Vector API kernels are in use
     */
    public PanamaVectorizationProvider(final String reason) {
        super(reason);
    }

    /** @return lanes of {@link FloatVector#SPECIES_PREFERRED} */
    public static int preferredFloatLanes() {
        return FloatVector.SPECIES_PREFERRED.length();
    }

    /** @return {@link FloatVector#SPECIES_PREFERRED} as text */
    public static String preferredFloatSpeciesName() {
        return FloatVector.SPECIES_PREFERRED.toString();
    }

    @Override
    public String name() {
        return "panama";
    }

    @Override
    public boolean isVectorized() {
        return true;
    }

    @Override
    protected String kernelPrefix() {
        return PREFIX;
    }
}
