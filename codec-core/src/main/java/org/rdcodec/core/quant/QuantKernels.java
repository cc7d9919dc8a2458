package org.rdcodec.core.quant;

import org.rdcodec.core.simd.VectorizationProvider;
import org.rdcodec.core.stats.StatsKernel;

/** The kernels the quantizers use, from the {@link VectorizationProvider} of this JVM. */
final class QuantKernels {

    static final SignKernel SIGN = VectorizationProvider.getInstance().kernel(SignKernel.class);
    static final DitheredQuantizerKernel DITHERED = VectorizationProvider.getInstance().kernel(DitheredQuantizerKernel.class);
    static final QsgdKernel QSGD = VectorizationProvider.getInstance().kernel(QsgdKernel.class);
    static final TernGradKernel TERNGRAD = VectorizationProvider.getInstance().kernel(TernGradKernel.class);
    static final LloydMaxKernel LLOYD_MAX = VectorizationProvider.getInstance().kernel(LloydMaxKernel.class);
    static final LatticeKernel LATTICE = VectorizationProvider.getInstance().kernel(LatticeKernel.class);
    static final HadamardKernel HADAMARD = VectorizationProvider.getInstance().kernel(HadamardKernel.class);
    static final StatsKernel STATS = VectorizationProvider.getInstance().kernel(StatsKernel.class);

    private QuantKernels() {
    }
}
