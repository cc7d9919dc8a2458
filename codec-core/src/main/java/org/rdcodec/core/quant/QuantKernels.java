package org.rdcodec.core.quant;

/**
 * The quantizer kernels in use: the Vector API ones when the {@code jdk.incubator.vector} module is
 * present, else the scalar references.
 */
final class QuantKernels {

    static final SignKernel SIGN;
    static final DitheredQuantizerKernel DITHERED;

    static {
        SignKernel sign;
        DitheredQuantizerKernel dithered;
        try {
            sign = new PanamaSignKernel();
            dithered = new PanamaDitheredQuantizer();
        } catch (final LinkageError | RuntimeException e) {
            sign = new ScalarSignKernel();
            dithered = new ScalarDitheredQuantizer();
        }
        SIGN = sign;
        DITHERED = dithered;
    }

    private QuantKernels() {
    }
}
