package org.rdcodec.transport;

/**
 * Faults a worker injects on purpose, to test and demonstrate the server's handling (-1 = never).
 *
 * @param corruptRound the round whose frame gets one byte flipped after encoding (the CRC no longer matches)
 * @param delayRound the round whose frame is sent late
 * @param delayMs how late
 * @param vanishRound the round after whose frame the worker stops (answers no request, sends nothing more):
 *     a worker gone in the middle of a round
 */
public record WorkerFaults(long corruptRound, long delayRound, long delayMs, long vanishRound) {

    /** No faults. */
    public static final WorkerFaults NONE = new WorkerFaults(-1, -1, 0, -1);

    /**
     * @param corruptRound see the record
     * @param delayRound see the record
     * @param delayMs see the record
     */
    public WorkerFaults(final long corruptRound, final long delayRound, final long delayMs) {
        this(corruptRound, delayRound, delayMs, -1);
    }
}
