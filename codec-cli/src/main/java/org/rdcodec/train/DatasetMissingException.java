package org.rdcodec.train;

import org.rdcodec.core.RdcodecException;

/** The Fashion-MNIST files are not where they were looked for; the message says how to install them. */
public final class DatasetMissingException extends RdcodecException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which file is missing and how to get it
     */
    public DatasetMissingException(final String message) {
        super(message);
    }
}
