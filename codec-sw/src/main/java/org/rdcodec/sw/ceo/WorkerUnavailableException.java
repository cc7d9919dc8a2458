package org.rdcodec.sw.ceo;

import org.rdcodec.core.RdcodecException;

/**
 * A back-channel request could not be answered: the worker is gone, too late, or no longer holds the round.
 * The server drops that worker from the rest of the round ({@link CeoRoundDecoding}).
 */
public final class WorkerUnavailableException extends RdcodecException {

    private static final long serialVersionUID = 1L;

    /** The worker that did not answer. */
    private final int worker;
    /** Whether the request went out (then its own bits are charged, not the answer's). */
    private final boolean requestSent;

    /**
     * @param worker k
     * @param requestSent true if the request was sent (and went unanswered), false if it was never sent (budget)
     * @param message what was asked and why it failed
     */
    public WorkerUnavailableException(final int worker, final boolean requestSent, final String message) {
        super(message);
        this.worker = worker;
        this.requestSent = requestSent;
    }

    /** @return whether the request was sent */
    public boolean requestSent() {
        return requestSent;
    }

    /** @return the worker that did not answer */
    public int worker() {
        return worker;
    }
}
