package org.rdcodec.core.frame;

/** What is wrong with a frame; carried by every {@link FrameException}. */
public enum FrameError {
    /** The buffer ends before the frame does (or before the fixed header). */
    TRUNCATED,
    /** The first four bytes are not the rdcodec magic: not an rdcodec frame. */
    BAD_MAGIC,
    /** A version this build cannot read. */
    UNSUPPORTED_VERSION,
    /** The CRC-32C over the frame does not match: bytes changed in flight or storage. */
    CORRUPTED,
    /** Header fields contradict each other or the frame's own length (e.g. sections overrun). */
    MALFORMED,
    /** The frame's layer table differs from the layout the decoder expects. */
    WRONG_LAYOUT,
    /** The frame is larger than the limit the reader accepts, or than the writer's buffer. */
    OVERSIZED,
    /** The codec id or spec in the frame is unknown or invalid. */
    BAD_CODEC,
    /** A layer's payload does not decode (e.g. an entropy-coded section is inconsistent). */
    BAD_PAYLOAD
}
