package org.rdcodec.transport;

/**
 * Counters of a server run.
 *
 * @param rounds rounds run
 * @param meanRoundSeconds mean of the rounds' {@link RoundReport#seconds()}
 * @param frameBytes bytes of all accepted frames
 * @param lateWorkers (round, worker) pairs in which an awaited worker's frame was missing at the deadline
 * @param lateFrames frames that arrived after their round ended (discarded)
 * @param corruptFrames frames rejected by their CRC-32C or contents (never in an estimate)
 * @param workersLost workers declared lost (silent for {@code lostAfterMissedRounds} rounds)
 * @param rejoins lost workers whose frame for a current round arrived again
 * @param emptyRounds rounds without any accepted frame (no estimate broadcast)
 * @param offerFailures announcements or estimates given up after the bounded retries
 * @param requests back-channel requests (CEO codec)
 * @param fallbacks blocks fetched raw after a failed decode (CEO codec)
 * @param backChannelBits bits charged for the requests and their answers (CEO codec)
 * @param workersDropped (round, worker) pairs dropped mid-round after their frame was accepted
 * @param chunkErrors chunked messages discarded
 */
public record ServerSummary(int rounds, double meanRoundSeconds, long frameBytes, long lateWorkers, long lateFrames,
        long corruptFrames, long workersLost, long rejoins, long emptyRounds, long offerFailures, long requests, long fallbacks,
        long backChannelBits, long workersDropped, long chunkErrors) {
}
