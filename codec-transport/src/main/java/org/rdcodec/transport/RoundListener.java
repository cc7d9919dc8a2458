package org.rdcodec.transport;

import org.rdcodec.core.buffer.GradientBuffer;

/** Called by the server at the end of every round, on the server's thread. */
@FunctionalInterface
public interface RoundListener {

    /**
     * @param report what happened
     * @param estimate the round's estimate (valid only during the call), or null if no frame was accepted
     */
    void onRound(RoundReport report, GradientBuffer estimate);
}
