package org.rdcodec.cli;

import org.rdcodec.core.RdcodecException;

/** A JMH result file cannot be read or summarised; the message names the file and the problem. */
final class ReportException extends RdcodecException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     */
    ReportException(final String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where
     * @param cause the underlying cause
     */
    ReportException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
