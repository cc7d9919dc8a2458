package org.rdcodec.core.frame;

import org.rdcodec.core.RdcodecException;

/** A frame cannot be written or read; {@link #error()} says which kind of problem it is. */
public final class FrameException extends RdcodecException {

    private static final long serialVersionUID = 1L;

    private final FrameError error;

    /**
     * @param error the kind of problem
     * @param message what and where
     */
    public FrameException(final FrameError error, final String message) {
        super("frame " + error.name().toLowerCase(java.util.Locale.ROOT) + ": " + message);
        this.error = error;
    }

    /**
     * @param error the kind of problem
     * @param message what and where
     * @param cause the underlying error
     */
    public FrameException(final FrameError error, final String message, final Throwable cause) {
        super("frame " + error.name().toLowerCase(java.util.Locale.ROOT) + ": " + message, cause);
        this.error = error;
    }

    /** @return the kind of problem */
    public FrameError error() {
        return error;
    }
}
