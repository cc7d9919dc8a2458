package org.rdcodec.core.entropy;

import org.rdcodec.core.RdcodecException;

/**
 * The destination buffer handed to an entropy encoder is too small for the coded stream. Nothing is written
 * to the destination when this is thrown: the size is known before the first byte is copied.
 */
public final class EntropyCapacityException extends RdcodecException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what did not fit and by how much
     */
    public EntropyCapacityException(final String message) {
        super(message);
    }
}
