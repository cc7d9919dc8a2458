package org.rdcodec.sw.ceo;

/** How one bit-plane of a worker's indices travels (see {@link CeoFrame}). */
public enum PlaneKind {
    /** the server predicts every bit: only a CRC-32C per block is sent */
    CHECK,
    /** nearly uniform given the side information: the bits themselves */
    RAW,
    /** LDPC syndrome bits (feedback-free) */
    SYNDROME;

    /** @return the frame code */
    byte code() {
        return (byte) ordinal();
    }
}
