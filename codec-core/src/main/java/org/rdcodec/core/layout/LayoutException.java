package org.rdcodec.core.layout;

import org.rdcodec.core.RdcodecException;

/** A gradient layout is invalid, or a gradient does not match its layout. */
public final class LayoutException extends RdcodecException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     */
    public LayoutException(final String message) {
        super(message);
    }
}
