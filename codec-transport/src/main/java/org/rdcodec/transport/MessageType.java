package org.rdcodec.transport;

/** The kinds of message of the round protocol; the code is the first field of every {@link MessageHeader}. */
public enum MessageType {
    /** worker to server: this worker is connected and ready (payload empty). */
    HELLO(1),
    /** server to workers: round t starts now; {@code count} = workers the server expects (payload empty). */
    ANNOUNCE(2),
    /** worker to server: the worker's rdcodec frame of round t (payload = the frame, CRC-32C inside). */
    FRAME(3),
    /** server to workers: the estimate of round t as an rdcodec frame of the downlink codec; {@code count} = workers used. */
    ESTIMATE(4),
    /** server to workers: no more rounds (payload empty). */
    SHUTDOWN(5);

    private final int code;

    MessageType(final int code) {
        this.code = code;
    }

    /** @return the wire code */
    public int code() {
        return code;
    }

    /**
     * @param code a wire code
     * @return the type, or null for an unknown code
     */
    public static MessageType of(final int code) {
        for (final MessageType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
