package org.rdcodec.transport;

/**
 * Counters of a worker run.
 *
 * @param framesSent frames sent
 * @param sendFailures frames given up after the bounded retries
 * @param offerRetries offers retried under back pressure or before the connection
 * @param estimates estimates received and decoded
 * @param corruptEstimates estimates rejected by their CRC-32C
 * @param endedBy why the worker stopped: "shutdown", "server gone", "server silent", "vanished (fault)"
 * @param chunksSent CHUNK messages sent (frames or replies above the maximum message)
 * @param requestsAnswered back-channel requests answered
 */
public record WorkerSummary(long framesSent, long sendFailures, long offerRetries, long estimates, long corruptEstimates, String endedBy,
        long chunksSent, long requestsAnswered) {
}
