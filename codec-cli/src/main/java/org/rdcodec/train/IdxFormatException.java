package org.rdcodec.train;

import org.rdcodec.core.RdcodecException;

/** An IDX file is malformed: wrong magic, impossible dimensions, truncated or with trailing bytes. The message names the file. */
public final class IdxFormatException extends RdcodecException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and in which file
     */
    public IdxFormatException(final String message) {
        super(message);
    }

    /**
     * @param message what is wrong and in which file
     * @param cause the I/O error underneath
     */
    public IdxFormatException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
