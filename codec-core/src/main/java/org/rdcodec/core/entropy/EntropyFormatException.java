package org.rdcodec.core.entropy;

import org.rdcodec.core.RdcodecException;

/**
 * An entropy-coded stream is truncated, corrupt or inconsistent. The message names the field and the byte
 * offset (relative to the start of the stream) where the problem was found. No partially decoded output is
 * ever returned as a success alongside one.
 */
public final class EntropyFormatException extends RdcodecException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     */
    public EntropyFormatException(final String message) {
        super(message);
    }
}
