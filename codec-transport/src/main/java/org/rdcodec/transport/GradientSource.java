package org.rdcodec.transport;

import org.rdcodec.core.buffer.GradientBuffer;

/** Where a worker's gradients come from (a synthetic source, a model's backward pass) and where estimates go. */
public interface GradientSource {

    /**
     * Writes the worker's gradient of round {@code round}.
     *
     * @param round the round the server announced
     * @param out receives the gradient (length P)
     */
    void gradient(long round, GradientBuffer out);

    /**
     * The server's estimate of round {@code round} (e.g. to take an optimizer step). Default: ignored.
     *
     * @param round the round
     * @param estimate the decoded estimate (valid only during the call)
     * @param workersUsed workers in the estimate
     */
    default void estimate(final long round, final GradientBuffer estimate, final int workersUsed) {
    }
}
