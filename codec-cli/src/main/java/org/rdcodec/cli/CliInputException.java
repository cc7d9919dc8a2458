package org.rdcodec.cli;

import org.rdcodec.core.RdcodecException;

/** A command-line value is malformed (e.g. an sn2 spec of the wrong shape); the message says which and why. */
final class CliInputException extends RdcodecException {

    private static final long serialVersionUID = 1L;

    CliInputException(final String message) {
        super(message);
    }
}
