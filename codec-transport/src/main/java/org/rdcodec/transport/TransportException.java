package org.rdcodec.transport;

import org.rdcodec.core.RdcodecException;

/** A transport failure: a channel that cannot carry the frames, a peer that never came, a closed publication. */
public final class TransportException extends RdcodecException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and where (channel, stream, worker, round)
     */
    public TransportException(final String message) {
        super(message);
    }

    /**
     * @param message what failed and where
     * @param cause the underlying error
     */
    public TransportException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
