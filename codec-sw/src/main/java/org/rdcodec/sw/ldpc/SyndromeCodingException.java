package org.rdcodec.sw.ldpc;

import org.rdcodec.core.RdcodecException;

/** Bad input to a syndrome code, encoder or decoder: the message says what is wrong and where. */
public class SyndromeCodingException extends RdcodecException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     */
    public SyndromeCodingException(final String message) {
        super(message);
    }
}
