package org.rdcodec.train;

import org.rdcodec.core.simd.VectorizationProvider;

/** Picks the {@link MatrixKernel} of this JVM once: the Panama twin when the project's provider is vectorized and 256-bit vectors are native, else the scalar reference. */
public final class MatrixKernels {

    private static final MatrixKernel KERNEL;
    private static final String REASON;

    static {
        final VectorizationProvider p = VectorizationProvider.getInstance();
        if (!p.isVectorized()) {
            KERNEL = new ScalarMatrixKernel();
            REASON = "scalar: " + p.reason();
        } else if (!PanamaMatrixKernel.NATIVE_256) {
            KERNEL = new ScalarMatrixKernel();
            REASON = "scalar: preferred float vectors are narrower than 256 bits";
        } else {
            KERNEL = p.kernel(MatrixKernel.class);
            REASON = "panama: 256-bit float vectors";
        }
    }

    private MatrixKernels() {
    }

    /** @return the kernel */
    public static MatrixKernel get() {
        return KERNEL;
    }

    /** @return which kernel and why */
    public static String reason() {
        return REASON;
    }
}
