package org.rdcodec.transport;

import java.util.concurrent.TimeUnit;

import io.aeron.Publication;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * Offers a message with bounded retries: back pressure, an admin action or a not-yet-connected peer are
 * retried (backing off) until the configured time or retry count runs out; a closed publication is an error.
 */
final class Offers {

    /** {@link #outcome}: the message went out. */
    private static final int SENT = 1;
    /** {@link #outcome}: back pressure; try again. */
    private static final int RETRY = 0;
    /** {@link #outcome}: the retries or the time ran out. */
    private static final int GAVE_UP = -1;

    private final long timeoutNs;
    private final int maxRetries;
    private final IdleStrategy idle = new BackoffIdleStrategy();
    private long retries;
    private long failures;

    Offers(final TransportConfig config) {
        this.timeoutNs = TimeUnit.MILLISECONDS.toNanos(config.offerTimeoutMs);
        this.maxRetries = config.maxOfferRetries;
    }

    /**
     * @param publication where
     * @param buffer the message
     * @param offset first byte
     * @param length bytes
     * @return true if the message was sent, false if the retries ran out (counted in {@link #failures()})
     * @throws TransportException if the publication is closed or at its maximum position
     */
    boolean offer(final Publication publication, final DirectBuffer buffer, final int offset, final int length) {
        final long deadline = System.nanoTime() + timeoutNs;
        idle.reset();
        for (int attempt = 0; ; attempt++) {
            final int outcome = outcome(publication, publication.offer(buffer, offset, length), attempt, deadline);
            if (outcome != RETRY) {
                return outcome == SENT;
            }
        }
    }

    /**
     * Offers two buffers as one message (a chunk header and a slice of a frame), with the same bounded retries.
     *
     * @param publication where
     * @param one first part
     * @param offsetOne its first byte
     * @param lengthOne its bytes
     * @param two second part
     * @param offsetTwo its first byte
     * @param lengthTwo its bytes
     * @return true if sent, false if the retries ran out
     * @throws TransportException if the publication is closed or at its maximum position
     */
    boolean offer(final Publication publication, final DirectBuffer one, final int offsetOne, final int lengthOne,
            final DirectBuffer two, final int offsetTwo, final int lengthTwo) {
        final long deadline = System.nanoTime() + timeoutNs;
        idle.reset();
        for (int attempt = 0; ; attempt++) {
            final int outcome = outcome(publication, publication.offer(one, offsetOne, lengthOne, two, offsetTwo,
                    lengthTwo), attempt, deadline);
            if (outcome != RETRY) {
                return outcome == SENT;
            }
        }
    }

    /**
     * What one offer's result means for the bounded retry loop both offers share; counts retries and failures and
     * idles before a retry.
     *
     * @param publication where (for the error message)
     * @param result what {@code Publication.offer} returned
     * @param attempt attempts before this one
     * @param deadline System.nanoTime() after which no retry is made
     * @return {@link #SENT}, {@link #RETRY} or {@link #GAVE_UP}
     * @throws TransportException if the publication is closed or at its maximum position
     */
    private int outcome(final Publication publication, final long result, final int attempt, final long deadline) {
        if (result > 0) {
            return SENT;
        }
        if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED) {
            throw new TransportException("publication on " + publication.channel() + " stream " + publication.streamId()
                    + (result == Publication.CLOSED ? " is closed" : " reached its maximum position"));
        }
        if (attempt >= maxRetries || System.nanoTime() - deadline > 0) {
            failures++;
            return GAVE_UP;
        }
        retries++;
        idle.idle();
        return RETRY;
    }

    /** @return offers retried (back pressure, admin action, not connected) */
    long retries() {
        return retries;
    }

    /** @return offers given up after the bounded retries */
    long failures() {
        return failures;
    }
}
