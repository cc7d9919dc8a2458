package org.rdcodec.core.quant;

import org.rdcodec.core.RdcodecException;

/** A gradient handed to an encoder holds NaN or Inf; the message names the layer and index. */
public final class NonFiniteGradientException extends RdcodecException {

    private static final long serialVersionUID = 1L;

    private final int layer;
    private final long index;

    /**
     * @param message what and where
     * @param layer the layer index
     * @param index the flat index of the first non-finite value
     */
    public NonFiniteGradientException(final String message, final int layer, final long index) {
        super(message);
        this.layer = layer;
        this.index = index;
    }

    /** @return the layer holding the first non-finite value */
    public int layer() {
        return layer;
    }

    /** @return the flat index of the first non-finite value */
    public long index() {
        return index;
    }
}
