package org.rdcodec.core.simd;

/** A test-only kernel family with only a scalar implementation, to test the provider's fallback. */
public interface ProbeKernel {

    /** @return which implementation answered */
    String who();
}
