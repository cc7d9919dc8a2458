package org.rdcodec.core.simd;

/**
 * The plain-Java provider: every kernel is its {@code Scalar*} reference. Used when the Vector API
 * is unavailable, too narrow, or disabled; {@link #reason()} says which.
 */
public final class ScalarVectorizationProvider extends VectorizationProvider {

    /** Class-name prefix of the scalar kernels. */
    static final String PREFIX = "Scalar";

    /**
     * @param reason why the scalar kernels are in use
     */
    public ScalarVectorizationProvider(final String reason) {
        super(reason);
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public boolean isVectorized() {
        return false;
    }

    @Override
    protected String kernelPrefix() {
        return PREFIX;
    }
}
