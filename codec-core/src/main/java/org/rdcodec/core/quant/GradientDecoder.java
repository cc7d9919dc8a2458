package org.rdcodec.core.quant;

import org.agrona.DirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;

/**
 * Decodes frames into reconstructed gradients. Every frame is validated first (CRC, version, layout,
 * codec); on any error a {@link org.rdcodec.core.frame.FrameException} is thrown and the contents of
 * {@code out} are unspecified (never to be used as a result). Not thread-safe.
 */
public interface GradientDecoder {

    /**
     * @param src source buffer
     * @param offset first byte of the frame
     * @param length bytes available
     * @param out receives the reconstruction, length P
     * @return what the frame said about itself
     */
    DecodedFrame decode(DirectBuffer src, int offset, int length, GradientBuffer out);
}
