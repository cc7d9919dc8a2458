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
            final long result = publication.offer(buffer, offset, length);
            if (result > 0) {
                return true;
            }
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED) {
                throw new TransportException("publication on " + publication.channel() + " stream " + publication.streamId()
                        + (result == Publication.CLOSED ? " is closed" : " reached its maximum position"));
            }
            if (attempt >= maxRetries || System.nanoTime() - deadline > 0) {
                failures++;
                return false;
            }
            retries++;
            idle.idle();
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
            final long result = publication.offer(one, offsetOne, lengthOne, two, offsetTwo, lengthTwo);
            if (result > 0) {
                return true;
            }
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED) {
                throw new TransportException("publication on " + publication.channel() + " stream " + publication.streamId()
                        + (result == Publication.CLOSED ? " is closed" : " reached its maximum position"));
            }
            if (attempt >= maxRetries || System.nanoTime() - deadline > 0) {
                failures++;
                return false;
            }
            retries++;
            idle.idle();
        }
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
