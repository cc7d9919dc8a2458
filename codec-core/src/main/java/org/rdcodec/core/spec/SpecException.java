package org.rdcodec.core.spec;

import org.rdcodec.core.RdcodecException;

/** A codec spec names an unknown codec or parameter, or a parameter value is out of range. */
public final class SpecException extends RdcodecException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, with the valid choices
     */
    public SpecException(final String message) {
        super(message);
    }
}
