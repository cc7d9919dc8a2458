package org.rdcodec.core.quant;

import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.spec.CodecSpec;

/**
 * A gradient codec made from a {@link CodecSpec}: it makes one {@link WorkerEncoder} per worker and
 * a {@link GradientDecoder} for the server. Worker and server share only the layout and the seed;
 * everything else the decoder needs travels in the frame.
 */
public interface GradientCodec {

    /** @return the spec this codec was made from */
    CodecSpec spec();

    /** @return whether E[decoded | input] = input */
    default boolean unbiased() {
        return spec().definition().unbiased();
    }

    /**
     * @param layout the gradient layout
     * @param worker this worker's index k
     * @param seed the shared seed
     * @return a new encoder; the caller owns it and closes it
     */
    WorkerEncoder newEncoder(GradientLayout layout, int worker, long seed);

    /**
     * @param layout the gradient layout
     * @param seed the shared seed
     * @return a decoder for frames of this codec (one per server thread)
     */
    GradientDecoder newDecoder(GradientLayout layout, long seed);
}
