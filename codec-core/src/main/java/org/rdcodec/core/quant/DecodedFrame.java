package org.rdcodec.core.quant;

/**
 * What a decoded frame said about itself.
 *
 * @param round the training round
 * @param worker the worker index
 * @param frameBytes the frame's length in bytes (what the worker sent)
 */
public record DecodedFrame(long round, int worker, int frameBytes) {
}
