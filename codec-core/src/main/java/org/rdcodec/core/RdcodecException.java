package org.rdcodec.core;

/**
 * Base of every typed error rdcodec raises for bad input: the message says what is wrong and where.
 * Nothing partially computed is ever returned alongside one.
 */
public class RdcodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     */
    public RdcodecException(final String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where
     * @param cause the underlying cause
     */
    public RdcodecException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
