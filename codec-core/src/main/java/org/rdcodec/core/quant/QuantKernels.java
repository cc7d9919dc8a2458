package org.rdcodec.core.quant;

/**
 * The quantizer kernels in use: the Vector API ones when the {@code jdk.incubator.vector} module is
 * present, else the scalar references.
 */
final class QuantKernels {

    static final SignKernel SIGN;
    static final DitheredQuantizerKernel DITHERED;
    static final QsgdKernel QSGD;

    static {
        SignKernel sign;
        DitheredQuantizerKernel dithered;
        QsgdKernel qsgd;
        try {
            sign = new PanamaSignKernel();
            dithered = new PanamaDitheredQuantizer();
            qsgd = new PanamaQsgdKernel();
        } catch (final LinkageError | RuntimeException e) {
            sign = new ScalarSignKernel();
            dithered = new ScalarDitheredQuantizer();
            qsgd = new ScalarQsgdKernel();
        }
        SIGN = sign;
        DITHERED = dithered;
        QSGD = qsgd;
    }

    private QuantKernels() {
    }
}
