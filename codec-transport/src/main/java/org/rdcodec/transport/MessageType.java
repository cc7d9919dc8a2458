package org.rdcodec.transport;

/** The kinds of message of the round protocol; the code is the first field of every {@link MessageHeader}. */
public enum MessageType {
    /** worker to server: this worker is connected and ready (payload empty). */
    HELLO(1),
    /**
     * server to workers: round t starts now; {@code count} = workers the server expects. Payload: empty, or the
     * round's plan for codecs that need one ({@link CeoPlanMessage} for the CEO codec).
     */
    ANNOUNCE(2),
    /** worker to server: the worker's rdcodec frame of round t (payload = the frame, CRC-32C inside). */
    FRAME(3),
    /** server to workers: the estimate of round t as an rdcodec frame of the downlink codec; {@code count} = workers used. */
    ESTIMATE(4),
    /** server to workers: no more rounds (payload empty). */
    SHUTDOWN(5),
    /** either way: one piece of a message longer than the publication's maximum message ({@link ChunkHeader}). */
    CHUNK(6),
    /** server to one worker ({@code worker} = the addressee): send more bits of round t ({@link BackRequest}). */
    REQUEST(7),
    /** worker to server: the answer to a REQUEST ({@link BackReply}). */
    REPLY(8);

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
