package org.rdcodec.transport;

/**
 * Faults a worker injects on purpose, to test and demonstrate the server's handling (-1 = never).
 *
 * @param corruptRound the round whose frame gets one byte flipped after encoding (the CRC no longer matches)
 * @param delayRound the round whose frame is sent late
 * @param delayMs how late
 */
public record WorkerFaults(long corruptRound, long delayRound, long delayMs) {

    /** No faults. */
    public static final WorkerFaults NONE = new WorkerFaults(-1, -1, 0);
}
