package org.rdcodec.core.theory;

import org.rdcodec.core.RdcodecException;

/** An argument of a rate-distortion computation is invalid (NaN, infinite, negative, zero, wrong shape). */
public final class TheoryInputException extends RdcodecException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     */
    public TheoryInputException(final String message) {
        super(message);
    }
}
