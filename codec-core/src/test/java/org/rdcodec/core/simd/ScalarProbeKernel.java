package org.rdcodec.core.simd;

/** The only implementation of {@link ProbeKernel}. */
public final class ScalarProbeKernel implements ProbeKernel {

    /** Public no-arg constructor, as the provider requires. */
    public ScalarProbeKernel() {
    }

    @Override
    public String who() {
        return "scalar";
    }
}
